/* The citizen page's charts: each canvas carries its data (measurements and thresholds as step lines) in data-chart. */
(function () {
    'use strict';
    var COLOURS = {RED: '#b3261e', YELLOW: '#c08a00', GREEN: '#1f6f3f', CHECK: '#d9661f', MISSING: '#2b6cb0', UNCOLOURED: '#5b6b78'};
    var LINES = {MEASUREMENT: '#1d2b36', REFERENCE: '#5b6b78', RED: COLOURS.RED, YELLOW: COLOURS.YELLOW};
    var when = new Intl.DateTimeFormat('da-DK', {timeZone: 'Europe/Copenhagen', day: '2-digit', month: '2-digit'});
    var whenLong = new Intl.DateTimeFormat('da-DK', {timeZone: 'Europe/Copenhagen', dateStyle: 'short', timeStyle: 'short'});
    if (typeof Chart === 'undefined') {
        return;
    }
    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
        var chart = JSON.parse(canvas.dataset.chart);
        var measurementIndex = 0;
        var datasets = chart.series.map(function (s) {
            var measured = s.kind === 'MEASUREMENT';
            var line = measured && measurementIndex++ > 0 ? '#8b1e3f' : LINES[s.kind];
            return {
                label: s.label,
                data: s.points.map(function (p) { return {x: p.x, y: p.y}; }),
                borderColor: line,
                backgroundColor: line,
                borderWidth: measured ? 2 : 1,
                borderDash: s.kind === 'RED' || s.kind === 'YELLOW' ? [6, 4] : [],
                stepped: measured ? false : 'after',
                pointRadius: measured ? 4 : 0,
                pointBackgroundColor: measured ? s.colours.map(function (c) { return COLOURS[c] || line; }) : line,
                spanGaps: false,
                fill: false
            };
        });
        canvas.chartInstance = new Chart(canvas, {
            type: 'line',
            data: {datasets: datasets},
            options: {
                animation: false,
                responsive: true,
                parsing: true,
                scales: {
                    x: {type: 'linear', min: chart.from, max: chart.to,
                        ticks: {callback: function (v) { return when.format(new Date(v)); }, maxTicksLimit: 10}},
                    y: {title: {display: true, text: chart.unit}}
                },
                plugins: {
                    legend: {position: 'bottom', labels: {boxWidth: 14}},
                    tooltip: {callbacks: {title: function (items) {
                        return items.length ? whenLong.format(new Date(items[0].parsed.x)) : '';
                    }}}
                }
            }
        });
        canvas.dataset.rendered = 'true';
    });
})();
