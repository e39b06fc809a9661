// The workbench's editor: CodeMirror 6 with SPARQL highlighting, completion of the
// project's prefixes and ontology terms, Ctrl-Enter to run, and an error marker.
// Bundled by `npm run build` into ONE script, src/heroes_kg/serve/static/editor.js, that
// defines window.HeroesEditor.
import {EditorState, Prec, StateEffect, StateField} from "@codemirror/state";
import {EditorView, Decoration, keymap, lineNumbers, highlightActiveLine,
        highlightActiveLineGutter, drawSelection} from "@codemirror/view";
import {defaultKeymap, history, historyKeymap, indentWithTab} from "@codemirror/commands";
import {StreamLanguage, syntaxHighlighting, defaultHighlightStyle, bracketMatching,
        indentOnInput} from "@codemirror/language";
import {autocompletion, completionKeymap, closeBrackets,
        closeBracketsKeymap} from "@codemirror/autocomplete";
import {searchKeymap, highlightSelectionMatches} from "@codemirror/search";
import {sparql} from "@codemirror/legacy-modes/mode/sparql";

const KEYWORDS = ["SELECT", "CONSTRUCT", "DESCRIBE", "ASK", "WHERE", "PREFIX", "BASE",
  "DISTINCT", "REDUCED", "OPTIONAL", "FILTER", "UNION", "MINUS", "GRAPH", "BIND", "VALUES",
  "GROUP BY", "HAVING", "ORDER BY", "LIMIT", "OFFSET", "FROM", "FROM NAMED", "EXISTS",
  "NOT EXISTS", "AS", "COUNT", "SUM", "MIN", "MAX", "AVG", "SAMPLE", "GROUP_CONCAT",
  "STR", "LANG", "LANGMATCHES", "DATATYPE", "BOUND", "IRI", "isIRI", "isLiteral",
  "isBlank", "REGEX", "CONTAINS", "STRSTARTS", "STRENDS", "STRAFTER", "STRBEFORE",
  "LCASE", "UCASE", "CONCAT", "COALESCE", "IF", "YEAR", "MONTH", "DAY", "NOW", "ASC",
  "DESC"];

const setError = StateEffect.define();
const errorField = StateField.define({
  create() { return Decoration.none; },
  update(marks, tr) {
    marks = marks.map(tr.changes);
    for (const e of tr.effects) {
      if (e.is(setError)) {
        if (e.value === null) { marks = Decoration.none; continue; }
        const {from, to} = e.value;
        const deco = [Decoration.line({class: "cm-error-line"}).range(
          tr.state.doc.lineAt(from).from)];
        if (to > from) deco.push(Decoration.mark({class: "cm-error-mark"}).range(from, to));
        marks = Decoration.set(deco, true);
      }
    }
    if (tr.docChanged) marks = Decoration.none;
    return marks;
  },
  provide: f => EditorView.decorations.from(f),
});

function completer(prefixes, terms) {
  // prefixes: {name: namespace}; terms: [{label: "heroes:plays", detail, info}]
  const options = [
    ...Object.keys(prefixes).map(p => ({label: p + ":", type: "namespace",
      detail: prefixes[p], boost: 2, apply: (view, completion, from, to) => {
        insertWithPrefix(view, p, completion.label, from, to, prefixes);
      }})),
    ...terms.map(t => ({label: t.label, type: t.type || "property", detail: t.detail || "",
      info: t.info || undefined, apply: (view, completion, from, to) => {
        insertWithPrefix(view, t.label.split(":")[0], t.label, from, to, prefixes);
      }})),
    ...KEYWORDS.map(k => ({label: k, type: "keyword", boost: -1})),
  ];
  return context => {
    const word = context.matchBefore(/[A-Za-z_][\w-]*:?[\w-]*/);
    if (!word || (word.from === word.to && !context.explicit)) return null;
    // Not inside an IRI or a string.
    const before = context.state.sliceDoc(Math.max(0, word.from - 1), word.from);
    if (before === "<" || before === "\"" || before === "'" || before === "?" ||
        before === "$") return null;
    return {from: word.from, options, validFor: /^[\w-]*:?[\w-]*$/};
  };
}

// Insert `text` and, when the query has no PREFIX line for `prefix`, add one at the top.
function insertWithPrefix(view, prefix, text, from, to, prefixes) {
  const doc = view.state.doc.toString();
  const declared = new RegExp("PREFIX\\s+" + prefix + ":", "i").test(doc);
  const changes = [{from, to, insert: text}];
  if (!declared && prefixes[prefix]) {
    // After the last PREFIX line, or at the very top.
    let at = 0;
    const re = /^\s*PREFIX\s+[^\n]*\n/gim;
    let m;
    while ((m = re.exec(doc)) !== null) at = m.index + m[0].length;
    changes.push({from: at, insert: `PREFIX ${prefix}: <${prefixes[prefix]}>\n`});
  }
  view.dispatch({changes, selection: {anchor: from + text.length +
    (changes.length > 1 && changes[1].from <= from ? changes[1].insert.length : 0)}});
}

const theme = EditorView.theme({
  "&": {fontSize: "13.5px", height: "100%", backgroundColor: "#fff"},
  ".cm-scroller": {fontFamily: "ui-monospace, 'DejaVu Sans Mono', Menlo, monospace"},
  ".cm-error-line": {backgroundColor: "#fde8e8"},
  ".cm-error-mark": {textDecoration: "underline wavy #cf222e"},
  ".cm-gutters": {backgroundColor: "#f6f7f9", borderRight: "1px solid #d8dde3"},
});

function create(parent, {doc = "", prefixes = {}, terms = [], onRun = () => {}} = {}) {
  const run = () => { onRun(); return true; };
  const view = new EditorView({
    parent,
    state: EditorState.create({doc, extensions: [
      lineNumbers(), highlightActiveLineGutter(), history(), drawSelection(),
      indentOnInput(), bracketMatching(), closeBrackets(), highlightActiveLine(),
      highlightSelectionMatches(), errorField, theme,
      StreamLanguage.define(sparql), syntaxHighlighting(defaultHighlightStyle),
      autocompletion({override: [completer(prefixes, terms)]}),
      Prec.highest(keymap.of([{key: "Mod-Enter", run}, {key: "Shift-Enter", run}])),
      keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap,
                 ...historyKeymap, ...completionKeymap, indentWithTab]),
      EditorView.lineWrapping,
    ]}),
  });
  return {
    view,
    getValue: () => view.state.doc.toString(),
    setValue(text) {
      view.dispatch({changes: {from: 0, to: view.state.doc.length, insert: text},
                     effects: setError.of(null)});
    },
    // Mark line/column (1-based) as the place of an error, and scroll it into view.
    markError(line, column) {
      const doc = view.state.doc;
      if (!line || line > doc.lines) return;
      const l = doc.line(line);
      const from = Math.min(l.from + Math.max(0, (column || 1) - 1), l.to);
      const word = /^[^\s{}()]*/.exec(doc.sliceString(from, l.to))[0];
      view.dispatch({effects: [setError.of({from, to: from + word.length}),
                               EditorView.scrollIntoView(from, {y: "center"})],
                     selection: {anchor: from}});
    },
    clearError() { view.dispatch({effects: setError.of(null)}); },
    focus() { view.focus(); },
  };
}

window.HeroesEditor = {create};
