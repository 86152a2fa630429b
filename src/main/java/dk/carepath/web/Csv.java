package dk.carepath.web;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * CSV for a spreadsheet, as Danish Excel reads it: semicolons, CRLF and a byte-order mark; cells
 * quoted when they hold a separator, a quote or a line break, and a leading =, +, - or @ defused
 * (no formula injection). Used by the authorisation review and the KPIs.
 */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv;charset=UTF-8";

    private final StringBuilder text = new StringBuilder("\uFEFF");

    public Csv row(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append(';');
            }
            text.append(cell(cells.get(i)));
        }
        text.append("\r\n");
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    /** The CSV as a file to save, named so. */
    public ResponseEntity<String> download(String fileName) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .body(toString());
    }

    /** quoted when it holds a separator, a quote or a line break; a leading =, +, - or @ is defused for spreadsheets */
    public static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
