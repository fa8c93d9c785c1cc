// The web editor: Decap CMS with the site's own file format.
//
// Publications are Pelican Markdown files: "Key: value" lines, a blank line, the
// text. Each collection gets its own format, so that list fields are split and
// joined and new fields are written in the order `invoke new` writes them. A
// field the editor did not change is written back exactly as it was read, so
// opening and saving a file leaves it byte for byte the same.
"use strict";

if (typeof window !== "undefined") window.CMS_MANUAL_INIT = true;

const META = "__pelican";
const META_LINE = /^([A-Za-z][A-Za-z0-9_-]*)[ \t]*:(.*)$/;
const CONTINUATION = /^( {4,}|\t)\S/;

function listFields(collection) {
  return new Set(
    collection.fields
      .filter((f) => f.widget === "list" || (f.widget === "select" && f.multiple))
      .map((f) => f.name),
  );
}

function fieldKey(name) {
  return name
    .split("-")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("-");
}

function splitList(text) {
  return text
    .split(/[,\n]/)
    .map((part) => part.trim())
    .filter(Boolean);
}

function asText(value) {
  if (value === undefined || value === null) return "";
  if (typeof value.toJS === "function") value = value.toJS();
  if (Array.isArray(value)) return value.map(asText).filter(Boolean).join(", ");
  return String(value);
}

function metadataLines(key, text, newline) {
  const [first, ...rest] = text.split("\n");
  return [`${key}: ${first}`, ...rest.map((line) => `    ${line}`)].join(newline);
}

function pelicanFormat(collection) {
  const lists = listFields(collection);
  const order = collection.fields.map((f) => f.name).filter((n) => n !== "body");
  return {
    fromFile(content) {
      const newline = content.includes("\r\n") ? "\r\n" : "\n";
      const lines = content.split(newline);
      const data = {};
      const fields = [];
      let index = 0;
      while (index < lines.length) {
        const match = META_LINE.exec(lines[index]);
        if (!match) break;
        const raw = [lines[index]];
        const values = [match[2].trim()];
        index += 1;
        while (index < lines.length && CONTINUATION.test(lines[index])) {
          raw.push(lines[index]);
          values.push(lines[index].trim());
          index += 1;
        }
        const name = match[1].toLowerCase();
        const text = values.join("\n");
        data[name] = lists.has(name) ? splitList(text) : text;
        fields.push({ name, raw: raw.join(newline), text: asText(data[name]) });
      }
      // Python-Markdown ends the metadata at the first blank line.
      const blank = index < lines.length && lines[index] === "";
      const bodyStart = blank ? index + 1 : index;
      data.body = lines.slice(bodyStart).join(newline);
      const header = fields.map((field) => field.raw).join(newline);
      const separator = content.slice(header.length, content.length - data.body.length);
      data[META] = JSON.stringify({ newline, fields, separator });
      return data;
    },
    toFile(data) {
      const plain = typeof data.toJS === "function" ? data.toJS() : data;
      const meta = plain[META]
        ? JSON.parse(plain[META])
        : { newline: "\n", fields: [], separator: "\n\n" };
      const { newline } = meta;
      const lines = [];
      const written = new Set();
      for (const field of meta.fields) {
        written.add(field.name);
        const text = asText(plain[field.name]);
        lines.push(
          text === field.text ? field.raw : metadataLines(fieldKey(field.name), text, newline),
        );
      }
      for (const name of order) {
        const text = asText(plain[name]);
        if (!written.has(name) && text !== "") {
          lines.push(metadataLines(fieldKey(name), text, newline));
        }
      }
      let body = asText(plain.body);
      if (!plain[META] && body && !body.endsWith("\n")) body += "\n";
      const separator = lines.length ? meta.separator || newline + newline : "";
      return lines.join(newline) + separator + body;
    },
  };
}

// File names as `invoke new` makes them: the title transliterated the way
// plugins/russian/slugs.py does it, with the same letter table.
function slugify(text, letters) {
  const latin = Array.from(text.normalize("NFKC").toLowerCase())
    .map((ch) => (ch in letters ? letters[ch] : ch))
    .join("");
  return latin
    .replace(/[^A-Za-z0-9_\s-]/g, "")
    .replace(/[-\s]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

async function start() {
  const response = await fetch("config.json", { cache: "no-cache" });
  const { cms: config, file_name_field: fileName, transliteration } = await response.json();
  for (const collection of config.collections) {
    window.CMS.registerCustomFormat(collection.format, "md", pelicanFormat(collection));
    collection.fields.push({ name: META, widget: "hidden", required: false });
  }
  window.CMS.registerEventListener({
    name: "preSave",
    handler: ({ entry }) =>
      entry.get("data").set(fileName, slugify(entry.getIn(["data", "title"]) || "", transliteration)),
  });
  window.CMS.registerPreviewStyle("../theme/css/site.css");
  window.CMS.init({ config: { ...config, load_config_file: false } });
}

if (typeof module !== "undefined") {
  module.exports = { pelicanFormat, slugify }; // for the tests, run by Node
} else {
  // decap-cms.js is the next script: it has run by the time the page is parsed.
  document.addEventListener("DOMContentLoaded", start);
}
