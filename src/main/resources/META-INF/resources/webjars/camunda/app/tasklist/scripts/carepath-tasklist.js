/*
 * Carepath's additions to Camunda Tasklist, for the nurses (docs/workbench.md). Loaded by config.js
 * (customScripts) as an ES module; plain DOM, no Camunda internals, so an upgrade of Tasklist breaks
 * at most an addition, never a task:
 *
 * - phrases: under every note of a task's form, "Indsæt frase …" inserts a phrase of the nurse's
 *   organisations (GET /api/phrases, read as the user logged in to Tasklist) where the cursor is;
 * - sorting as labelled: opening a filter sorts its list as the filter itself is sorted ("vigtigste
 *   først": priority, then due date), and Tasklist's sorting header says so;
 * - search by citizen name: "Søg borger" matches the task variable citizenSearch (the citizen's name
 *   and masked CPR number in lower case: Tasklist's own ignore-case option does not reach its query)
 *   through Tasklist's own search;
 * - Danish messages for the form's own checks (form-js writes them in English);
 * - a completion the server refused marks the fields it names, in Danish, in the form.
 */

const APP_ROOT = (document.querySelector('base') && document.querySelector('base').getAttribute('app-root')) || '/camunda';
const CONTEXT = APP_ROOT.replace(/\/camunda\/?$/, '');
const ENGINE = APP_ROOT + '/api/engine/engine/default';
const REFUSED = 'Opgaven kan ikke afsluttes: ';
const CITIZEN_VARIABLE = 'citizenSearch';

// ------------------------------------------------------------------ the hash's parameters (Tasklist's state)

/** the raw key=value pairs after "#/?", in order */
function hashPairs() {
  const hash = window.location.hash || '';
  const q = hash.indexOf('?');
  if (q < 0) {
    return [];
  }
  return hash.substring(q + 1).split('&').filter(Boolean).map((pair) => {
    const eq = pair.indexOf('=');
    return eq < 0 ? [pair, ''] : [pair.substring(0, eq), pair.substring(eq + 1)];
  });
}

function hashParam(name) {
  const pair = hashPairs().find(([key]) => key === name);
  if (!pair) {
    return null;
  }
  try {
    return decodeURIComponent(pair[1]);
  } catch (e) {
    return pair[1];
  }
}

/** sets (or with null removes) parameters; the others stay byte for byte as Tasklist wrote them */
function setHashParams(values) {
  const pairs = hashPairs().filter(([key]) => !(key in values));
  Object.keys(values).forEach((key) => {
    if (values[key] !== null && values[key] !== undefined) {
      pairs.push([key, encodeURIComponent(values[key])]);
    }
  });
  const hash = window.location.hash || '#/';
  const q = hash.indexOf('?');
  const path = q < 0 ? hash : hash.substring(0, q);
  const next = path + '?' + pairs.map(([key, value]) => key + '=' + value).join('&');
  if (next !== hash) {
    window.location.replace(window.location.pathname + window.location.search + next);
  }
}

async function json(url) {
  const answer = await fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  if (!answer.ok) {
    throw new Error(url + ': ' + answer.status);
  }
  return answer.json();
}

// ------------------------------------------------------------------ sorting as labelled

const filterSortings = {};
let sortedFilter;

/** Opening a filter (or the first one Tasklist opens) sorts the list as the filter is sorted. */
function sortAsTheFilter() {
  const filter = hashParam('filter');
  if (!filter || filter === sortedFilter) {
    return;
  }
  sortedFilter = filter;
  const known = filterSortings[filter] || (filterSortings[filter] = json(ENGINE + '/filter/' + encodeURIComponent(filter))
    .then((f) => (f.query && Array.isArray(f.query.sorting) ? f.query.sorting : []))
    .catch(() => []));
  known.then((sorting) => {
    if (!sorting.length || hashParam('filter') !== filter) {
      return;
    }
    const wanted = JSON.stringify(sorting.map((s) => ({sortBy: s.sortBy, sortOrder: s.sortOrder})));
    if (hashParam('sorting') !== wanted) {
      setHashParams({sorting: wanted, page: null});
    }
  });
}

// ------------------------------------------------------------------ search by citizen name

function searches() {
  try {
    const parsed = JSON.parse(hashParam('searchQuery') || '[]');
    return Array.isArray(parsed) ? parsed : [];
  } catch (e) {
    return [];
  }
}

function searchCitizen(name) {
  const others = searches().filter((s) => s.name !== CITIZEN_VARIABLE);
  // like, and Tasklist puts the % around it; a % or _ of the nurse's own would be a wildcard, so they go
  const text = (name || '').trim().toLowerCase().replace(/[%_]/g, ' ').trim();
  const next = text ? others.concat([{type: 'taskVariables', operator: 'like', value: text, name: CITIZEN_VARIABLE}]) : others;
  setHashParams({searchQuery: next.length ? JSON.stringify(next) : null, page: null});
}

function addCitizenSearch() {
  const search = document.querySelector('[cam-widget-search]');
  if (!search || document.querySelector('.cp-citizen-search')) {
    return;
  }
  const form = document.createElement('form');
  form.className = 'cp-citizen-search';
  form.setAttribute('role', 'search');
  const input = document.createElement('input');
  input.type = 'search';
  input.className = 'form-control input-sm';
  input.name = 'citizen';
  input.placeholder = 'Søg borger (navn eller cpr-dato)';
  input.setAttribute('aria-label', 'Søg borger');
  const current = searches().find((s) => s.name === CITIZEN_VARIABLE);
  input.value = current ? String(current.value).replace(/^%|%$/g, '') : '';
  const button = document.createElement('button');
  button.type = 'submit';
  button.className = 'btn btn-default btn-sm';
  button.textContent = 'Søg';
  form.appendChild(input);
  form.appendChild(button);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    searchCitizen(input.value);
  });
  search.parentNode.insertBefore(form, search);
}

// ------------------------------------------------------------------ phrases into notes

let phrases;
let phrasesFetched = 0;

function myPhrases() {
  if (!phrases || Date.now() - phrasesFetched > 60000) {
    phrasesFetched = Date.now();
    phrases = json(CONTEXT + '/api/phrases').catch(() => []);
  }
  return phrases;
}

/** types text into the note where its cursor is, as if the nurse had typed it (the form hears an input event) */
function insertInto(textarea, text) {
  const value = textarea.value || '';
  const start = typeof textarea.selectionStart === 'number' ? textarea.selectionStart : value.length;
  const end = typeof textarea.selectionEnd === 'number' ? textarea.selectionEnd : value.length;
  const before = value.substring(0, start);
  const glue = before && !/\s$/.test(before) ? ' ' : '';
  const next = before + glue + text + value.substring(end);
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set;
  setter.call(textarea, next);
  textarea.dispatchEvent(new Event('input', {bubbles: true}));
  // form-js takes an input into its state only after a 300 ms debounce, flushed on blur; a render it had
  // pending from the nurse's own typing (flushed when she opened the picker) would otherwise put the note
  // back as it was before the phrase. A blur flushes the phrase into the form's state at once.
  textarea.dispatchEvent(new FocusEvent('blur'));
  const caret = (before + glue + text).length;
  textarea.focus();
  textarea.setSelectionRange(caret, caret);
}

function addPhrasePickers() {
  const notes = Array.from(document.querySelectorAll('.fjs-container .fjs-form-field-textarea textarea'))
    .filter((t) => !t.readOnly && !t.disabled && !t.dataset.cpPhrases);
  if (!notes.length) {
    return;
  }
  notes.forEach((t) => { t.dataset.cpPhrases = 'pending'; });
  myPhrases().then((list) => {
    notes.forEach((textarea) => {
      if (!list.length || !textarea.isConnected) {
        return;
      }
      textarea.dataset.cpPhrases = 'added';
      const select = document.createElement('select');
      select.className = 'cp-phrases form-control input-sm';
      select.setAttribute('aria-label', 'Indsæt frase');
      const first = document.createElement('option');
      first.value = '';
      first.textContent = 'Indsæt frase …';
      select.appendChild(first);
      list.forEach((phrase, i) => {
        const option = document.createElement('option');
        option.value = String(i);
        option.textContent = phrase.title;
        option.title = phrase.text;
        select.appendChild(option);
      });
      select.addEventListener('change', () => {
        const phrase = list[Number(select.value)];
        if (select.value !== '' && phrase) {
          // the form may have rendered its note anew since the picker was added: write into the one shown now
          const live = (textarea.id && document.getElementById(textarea.id)) || textarea;
          insertInto(live, phrase.text);
        }
        select.value = '';
      });
      textarea.insertAdjacentElement('afterend', select);
    });
  });
}

// ------------------------------------------------------------------ the form's own messages in Danish

const DANISH = [
  [/^Field is required\.$/, () => 'Feltet skal udfyldes.'],
  [/^Field must have minimum value of (.+)\.$/, (m) => 'Værdien skal være mindst ' + m[1].replace('.', ',') + '.'],
  [/^Field must have maximum value of (.+)\.$/, (m) => 'Værdien må højst være ' + m[1].replace('.', ',') + '.'],
  [/^Field must have minimum length of (.+)\.$/, (m) => 'Skriv mindst ' + m[1] + ' tegn.'],
  [/^Field must have maximum length of (.+)\.$/, (m) => 'Skriv højst ' + m[1] + ' tegn.'],
  [/^Field must match pattern (.+)\.$/, () => 'Værdien har ikke den rigtige form.'],
  [/^Field must be a valid email\.$/, () => 'Skriv en gyldig e-mailadresse.'],
  [/^Field must be a valid\s+international phone number.*$/, () => 'Skriv et gyldigt telefonnummer med landekode (fx +4512345678).'],
  [/^Value is not a number\.$/, () => 'Værdien er ikke et tal.']
];

function danish(text) {
  const trimmed = text.trim();
  for (const [pattern, translate] of DANISH) {
    const m = trimmed.match(pattern);
    if (m) {
      return translate(m);
    }
  }
  return null;
}

function translateFormMessages() {
  document.querySelectorAll('.fjs-form-field-error').forEach((error) => {
    const walker = document.createTreeWalker(error, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const translated = danish(node.nodeValue || '');
      if (translated) {
        node.nodeValue = translated;
      }
    }
  });
}

// ------------------------------------------------------------------ a refused completion marks its fields

function label(field) {
  const element = field.querySelector('.fjs-form-field-label');
  return element ? element.textContent.replace(/\*\s*$/, '').trim() : '';
}

function clearRefusals() {
  document.querySelectorAll('.fjs-form-field.cp-refused').forEach((field) => field.classList.remove('cp-refused'));
  document.querySelectorAll('.cp-refusal').forEach((note) => note.remove());
}

/** marks every field of the open form whose label the refusal names, with what it says of that field */
function markRefusal(message) {
  const start = message.indexOf(REFUSED);
  if (start < 0) {
    return;
  }
  const problems = message.substring(start + REFUSED.length).split(/;\s*/).map((p) => p.trim()).filter(Boolean);
  clearRefusals();
  let first = null;
  document.querySelectorAll('.fjs-container .fjs-form-field').forEach((field) => {
    const name = label(field);
    if (!name || field.querySelector('.fjs-form-field')) {
      return;
    }
    // a rule may name the field without the label's unit: "Referencevægt" for "Referencevægt (kg)"
    const names = [name, name.replace(/\s*\([^)]*\)\s*$/, '')].filter(Boolean);
    const own = problems.filter((p) => names.some((n) => p === n || p.startsWith(n + ' ') || p.startsWith("'" + n + "'")));
    if (!own.length) {
      return;
    }
    field.classList.add('cp-refused');
    const note = document.createElement('div');
    note.className = 'cp-refusal';
    note.setAttribute('role', 'alert');
    note.textContent = own.join('; ');
    field.appendChild(note);
    field.addEventListener('input', () => {
      field.classList.remove('cp-refused');
      note.remove();
    }, {once: true});
    first = first || field;
  });
  if (first) {
    first.scrollIntoView({block: 'center'});
  }
}

const seenRefusals = new WeakSet();

function watchRefusals() {
  document.querySelectorAll('.page-notifications .alert, [notifications-panel] .alert').forEach((alert) => {
    if (seenRefusals.has(alert)) {
      return;
    }
    seenRefusals.add(alert);
    if ((alert.textContent || '').indexOf(REFUSED) >= 0) {
      markRefusal(alert.textContent.replace(/\s+/g, ' '));
    }
  });
}

// ------------------------------------------------------------------ wiring

let scheduled = false;

function update() {
  scheduled = false;
  sortAsTheFilter();
  addCitizenSearch();
  addPhrasePickers();
  translateFormMessages();
  watchRefusals();
}

function schedule() {
  if (!scheduled) {
    scheduled = true;
    window.requestAnimationFrame(update);
  }
}

new MutationObserver(schedule).observe(document.body, {childList: true, subtree: true, characterData: true});
window.addEventListener('hashchange', schedule);
schedule();

export default [];
