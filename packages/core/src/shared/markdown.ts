/**
 * Markdown for articles written on the portal, rendered once on the server at write time and shown
 * with innerHTML later. markdown-it and marked do not fit the Lambda bundle budget, so this is a
 * CommonMark/GFM subset (see the test for the exact list, checked against markdown-it).
 *
 * Safe by construction: source text only ever reaches the output through `esc`, every tag is a
 * literal below, and URLs pass `safeUrl`. There is no raw-HTML path at all. Every loop is linear or
 * bounded, because a 50,000-character article of `*`, `[` or `_` must not hang a Lambda.
 */

type Inline =
  | { t: "text"; s: string }
  | { t: "code"; s: string }
  | { t: "br" }
  | { t: "soft" }
  | { t: "em" | "strong" | "del"; kids: Inline[] }
  | { t: "a"; href: string | null; external: boolean; title: string; kids: Inline[] }
  | { t: "img"; src: string; title: string; alt: string };
type Align = "" | "left" | "center" | "right";
type Block =
  | { t: "h2" | "h3" | "h4" | "p"; text: string }
  | { t: "hr" }
  | { t: "pre"; text: string }
  | { t: "quote"; kids: Block[] }
  | { t: "list"; start: number | null; loose: boolean; items: Block[][] }
  | { t: "table"; align: Align[]; head: string[]; rows: string[][] };

// Deeper containers are text: nobody nests eight quotes on purpose, and recursion must stay bounded.
const MAX_DEPTH = 8;
const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const FENCE_END = /^ {0,3}(`+|~+)[ \t]*$/;
const HEADING = /^ {0,3}(#{1,6})(?=[ \t]|$)/;
const QUOTE = /^ {0,3}> ?/;
const ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])([ \t]*)(.*)$/;
const CONTAINER = /[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$))/y;
const PUNCT = /[\p{P}\p{S}]/u;
const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
const SPECIAL = /[\\`*_~[\]!<\nhH]/g;
const SPECIAL_AT = Array.from({ length: 128 }, (_, c) => "\\`*_~[]!<\nhH".includes(String.fromCharCode(c)));
// Flanking needs whitespace (1) and punctuation (2) for every delimiter run: a table for ASCII.
const ASCII_KIND = Array.from({ length: 128 }, (_, c) =>
  /\s/.test(String.fromCharCode(c)) ? 1 : ASCII_PUNCT.test(String.fromCharCode(c)) ? 2 : 0,
);
const kindOf = (c: string | undefined) =>
  c === undefined ? 1 : c < "\x80" ? ASCII_KIND[c.charCodeAt(0)]! : /\s/.test(c) ? 1 : PUNCT.test(c) ? 2 : 0;
const AUTOLINK = /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s\p{Cc}]*)>/uy;
const EMAIL =
  /<([\w.!#$%&'*+/=?^`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>/y;
const BARE = /https?:\/\/[\p{L}\p{N}]/iuy;
const URL_STOP = /[\s<>"()[\]{}]/g;
const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

const esc = (s: string) => (/[&<>"']/.test(s) ? s.replace(/[&<>"']/g, (c) => ESCAPES[c]!) : s);
const blank = (line: string) => /^[ \t]*$/.test(line);
const indentOf = (line: string) => {
  let n = 0;
  while (line[n] === " ") n++;
  return n;
};
const trimEnd = (s: string) => {
  let e = s.length;
  while (e && (s[e - 1] === " " || s[e - 1] === "\t")) e--;
  return s.slice(0, e);
};
const isHr = (line: string) =>
  /^ {0,3}[-*_]/.test(line) && /^(?:\*{3,}|-{3,}|_{3,})$/.test(line.replace(/[ \t]/g, ""));
const fenceOf = (line: string) => {
  const m = FENCE.exec(line);
  return !m || (m[2]![0] === "`" && m[3]!.includes("`")) ? null : { indent: m[1]!.length, mark: m[2]! };
};
const closes = (line: string, mark: string) => {
  const m = FENCE_END.exec(line);
  return !!m && m[1]![0] === mark[0] && m[1]!.length >= mark.length;
};

function itemOf(line: string) {
  const m = ITEM.exec(line);
  if (!m || (!m[3] && m[4])) return null;
  const [, ind = "", marker = "", sp = "", rest = ""] = m;
  const ordered = marker.length > 1 || /\d/.test(marker);
  const at = ind.length + marker.length;
  const wide = sp.length > 4; // the rest would be indented code in CommonMark; here just text
  return {
    kind: ordered ? marker.slice(-1) : marker,
    start: ordered ? Number.parseInt(marker, 10) : null,
    w: !rest || wide ? at + 1 : at + sp.length,
    content: !rest ? "" : wide ? sp.slice(1) + rest : rest,
  };
}

/** Whether `line` ends the paragraph (or, with `para` false, a lazy container line) before it. */
function interrupts(line: string, depth: number, para: boolean) {
  if (fenceOf(line) || HEADING.test(line) || isHr(line)) return true;
  if (depth >= MAX_DEPTH) return false;
  if (QUOTE.test(line)) return true;
  const item = itemOf(line);
  return !!item && (!para || (!!item.content && (item.start === null || item.start === 1)));
}

/** The line without the quote and list markers in front, to tell a paragraph line from others. */
function innermost(line: string) {
  let p = 0;
  CONTAINER.lastIndex = 0;
  // Past MAX_DEPTH markers the rest is paragraph text anyway.
  for (let n = 0; n < 2 * MAX_DEPTH && CONTAINER.test(line); n++) p = CONTAINER.lastIndex;
  return line.slice(p);
}

// The source holds no NUL (parse replaces it), so it can stand in for an escaped pipe.
function cellsOf(line: string) {
  const cells = line.trim().replace(/\\\|/g, "\0").split("|");
  if (cells[0] === "") cells.shift();
  if (cells.at(-1) === "") cells.pop();
  return cells.map((cell) => cell.replaceAll("\0", "|"));
}

function tableAt(lines: string[], i: number) {
  const head = lines[i]!;
  const delim = lines[i + 1]?.trim();
  if (!delim || !head.includes("|") || indentOf(head) > 3 || indentOf(lines[i + 1]!) > 3) return null;
  if (!/^[-:|][-:| \t]+$/.test(delim) || /^-[ \t]/.test(delim)) return null;
  const parts = delim.split("|");
  const align: Align[] = [];
  for (const [j, part] of parts.entries()) {
    const c = part.trim();
    if (!c && (j === 0 || j === parts.length - 1)) continue;
    if (!/^:?-+:?$/.test(c)) return null;
    align.push(c.endsWith(":") ? (c.startsWith(":") ? "center" : "right") : c.startsWith(":") ? "left" : "");
  }
  const cells = cellsOf(head);
  return cells.length && cells.length === align.length ? { align, head: cells } : null;
}

/**
 * The lines of one container: `own` strips the container's prefix or refuses the line; a refused
 * line still belongs if it lazily continues a paragraph, as CommonMark allows.
 */
type Strip = (line: string) => string | null;
function collect(lines: string[], k: number, body: string[], own: Strip, depth: number) {
  let fence: string | null = null;
  const track = (l: string) => {
    const r = innermost(l);
    fence = fence ? (closes(r, fence) ? null : fence) : (fenceOf(r)?.mark ?? null);
  };
  body.forEach(track);
  for (; k < lines.length; k++) {
    let l = own(lines[k]!);
    if (l === null) {
      const prev = innermost(body[body.length - 1] ?? "");
      const para = !blank(prev) && !HEADING.test(prev) && !isHr(prev) && !fenceOf(prev);
      if (fence || !para || blank(lines[k]!) || interrupts(lines[k]!, depth, false)) break;
      l = lines[k]!;
    }
    body.push(l);
    track(l);
  }
  return k;
}

function parseBlocks(lines: string[], depth: number): { blocks: Block[]; gap: boolean } {
  const blocks: Block[] = [];
  let gap = false;
  let sawBlank = false;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (blank(line)) {
      sawBlank = true;
      i++;
      continue;
    }
    if (sawBlank && blocks.length) gap = true;
    sawBlank = false;
    const table = tableAt(lines, i);
    const fence = fenceOf(line);
    const heading = HEADING.exec(line);
    const item = depth < MAX_DEPTH ? itemOf(line) : null;
    if (table) {
      const rows: string[][] = [];
      // Short rows are padded; like markdown-it (which allows four times as many) cap that, or a
      // column of single characters would expand into megabytes.
      let padded = 0;
      for (i += 2; i < lines.length && !blank(lines[i]!) && !interrupts(lines[i]!, depth, false); i++) {
        const cells = cellsOf(lines[i]!);
        padded += table.align.length - cells.length;
        if (padded > 0x4000) break;
        rows.push(cells);
      }
      blocks.push({ t: "table", ...table, rows });
    } else if (fence) {
      const body: string[] = [];
      for (i++; i < lines.length && !closes(lines[i]!, fence.mark); i++) {
        body.push(lines[i]!.slice(Math.min(fence.indent, indentOf(lines[i]!))));
      }
      blocks.push({ t: "pre", text: body.map((l) => `${l}\n`).join("") });
      i++;
    } else if (heading) {
      let s = trimEnd(line.slice(heading[0].length));
      let e = s.length;
      while (e && s[e - 1] === "#") e--;
      if (!e || s[e - 1] === " " || s[e - 1] === "\t") s = s.slice(0, e);
      const level = heading[1]!.length;
      blocks.push({ t: level < 3 ? "h2" : level === 3 ? "h3" : "h4", text: s.trim() });
      i++;
    } else if (isHr(line)) {
      blocks.push({ t: "hr" });
      i++;
    } else if (depth < MAX_DEPTH && QUOTE.test(line)) {
      const body: string[] = [];
      const own: Strip = (l) => {
        const m = QUOTE.exec(l);
        return m ? l.slice(m[0].length) : null;
      };
      i = collect(lines, i, body, own, depth);
      blocks.push({ t: "quote", kids: parseBlocks(body, depth + 1).blocks });
    } else if (item) {
      const list: Block & { t: "list" } = { t: "list", start: item.start, loose: false, items: [] };
      for (let it = item; ; ) {
        const { w } = it;
        const body = [it.content];
        const end = collect(
          lines,
          i + 1,
          body,
          (l) => (blank(l) ? "" : indentOf(l) >= w ? l.slice(w) : null),
          depth,
        );
        let trail = 0;
        for (; body.length > 1 && body[body.length - 1] === ""; trail++) body.pop();
        const sub = parseBlocks(body, depth + 1);
        list.items.push(sub.blocks);
        list.loose ||= sub.gap;
        const next = end < lines.length && !isHr(lines[end]!) ? itemOf(lines[end]!) : null;
        if (!next || next.kind !== it.kind) {
          i = end - trail;
          break;
        }
        list.loose ||= trail > 0;
        i = end;
        it = next;
      }
      blocks.push(list);
    } else {
      const para = [line.replace(/^[ \t]+/, "")];
      for (i++; i < lines.length && !blank(lines[i]!); i++) {
        if (interrupts(lines[i]!, depth, true) || tableAt(lines, i)) break;
        para.push(lines[i]!.replace(/^[ \t]+/, ""));
      }
      blocks.push({ t: "p", text: trimEnd(para.join("\n")) });
    }
  }
  return { blocks, gap };
}

/** The URL to emit, or null when it is not a plain web, mail or same-site address. */
function safeUrl(raw: string, image: boolean) {
  // Reject what some later decoder could turn into another scheme: entity and percent tricks,
  // control characters and spaces inside the scheme.
  const allowed = (url: string) => {
    let s = url;
    for (let n = 0; n < 5 && /[&%]/.test(s); n++) {
      const before = s;
      s = s
        .replace(/&#(?:x([0-9a-f]{1,6})|(\d{1,7}));?/gi, (_, hex, dec) =>
          String.fromCodePoint(Math.min(Number.parseInt(hex ?? dec, hex ? 16 : 10), 0xfffd)),
        )
        .replace(
          /&(colon|tab|newline);/gi,
          (_, name: string) => ({ colon: ":", tab: "", newline: "" })[name.toLowerCase()]!,
        )
        .replace(/%([0-9a-f]{2})/gi, (_, hex) => String.fromCharCode(Number.parseInt(hex, 16)));
      if (s === before) break;
    }
    s = s.replace(/[\s\p{Cc}\p{Cf}]/gu, "").toLowerCase();
    const colon = s.indexOf(":");
    const slash = s.indexOf("/");
    if (!s.startsWith("#") && colon >= 0 && (slash < 0 || colon < slash)) {
      const scheme = s.slice(0, colon);
      return scheme === "https" || scheme === "http" || (!image && scheme === "mailto");
    }
    return !/^[/\\]{2}/.test(s) && (!image || s.startsWith("/"));
  };
  const href = raw
    .trim()
    .replace(/[\uD800-\uDFFF]/gu, "\uFFFD")
    .replace(/%(?![0-9a-fA-F]{2})|[^\w;/?:@&=+$,.!~*'()#%-]/gu, encodeURIComponent);
  if (!allowed(raw) || !allowed(href)) return null;
  return { href, external: /^https?:/i.test(href) };
}

const isControlOrSpace = (code: number) => code <= 0x20 || (code >= 0x7f && code <= 0x9f);
const unbackslash = (s: string) => s.replace(/\\([!-/:-@[-`{-~])/g, "$1");
const skipSpace = (src: string, p: number) => {
  while (src[p] === " " || src[p] === "\t" || src[p] === "\n") p++;
  return p;
};

/** `(destination "title")` after a `]`: [destination, title, end] or null. */
function linkTail(src: string, p: number): [string, string, number] | null {
  if (src[p] !== "(") return null;
  p = skipSpace(src, p + 1);
  let q = p;
  let dest: string;
  if (src[p] === "<") {
    for (q++; src[q] !== ">"; q++) {
      if (q >= src.length || src[q] === "\n" || src[q] === "<") return null;
      if (src[q] === "\\") q++;
    }
    dest = src.slice(p + 1, q++);
  } else {
    // Parentheses must balance. Like cmark and markdown-it (at 32) cap their depth, which keeps a
    // run of `[a](` linear; real addresses never nest eight deep.
    let depth = 0;
    for (; q < src.length && !isControlOrSpace(src.charCodeAt(q)); q++) {
      if (src[q] === "\\" && ASCII_PUNCT.test(src[q + 1] ?? "")) q++;
      else if (src[q] === "(" && ++depth > 8) return null;
      else if (src[q] === ")" && !depth--) break;
    }
    if (depth > 0) return null;
    dest = src.slice(p, q);
  }
  p = skipSpace(src, q);
  let title = "";
  const open = src[p];
  if (p > q && (open === '"' || open === "'" || open === "(")) {
    const close = open === "(" ? ")" : open;
    for (q = p + 1; src[q] !== close; q++) {
      if (q >= src.length || (open === "(" && src[q] === "(")) return null;
      if (src[q] === "\\") q++;
    }
    title = src.slice(p + 1, q);
    p = skipSpace(src, q + 1);
  }
  return src[p] === ")" ? [unbackslash(dest), unbackslash(title), p + 1] : null;
}

/**
 * End of a bare `https://…` URL at `pos`, or -1. As in GFM and linkify-it, brackets belong to it only
 * when they pair up (within a short reach, which keeps rescans cheap), and trailing punctuation is
 * the sentence's.
 */
function bareUrl(src: string, pos: number) {
  BARE.lastIndex = pos;
  if (!BARE.test(src)) return -1;
  const open: number[] = [];
  let e = pos;
  for (URL_STOP.lastIndex = pos; ; ) {
    const m = URL_STOP.exec(src);
    const c = m?.[0] ?? " ";
    e = m?.index ?? src.length;
    if (open.length && e - open[0]! > 128) break;
    if ("([{".includes(c)) open.push(e);
    else if (!")]}".includes(c) || src[open.pop() ?? -1] !== "([{"[")]}".indexOf(c)]) break;
  }
  e = open[0] ?? e;
  while (/[.,;:!?*_~'"]/.test(src[e - 1]!)) e--;
  return e;
}

type Cell = { v: Inline; next: Cell | null };
/**
 * A run of `*`, `_` or `~` is a cell whose text shrinks as emphasis uses it up; `down` and `up`
 * link the delimiter stack, `idx` orders it.
 */
type Delim = Cell & { v: { t: "text"; s: string }; ch: string; len: number; orig: number } & {
  open: boolean;
  close: boolean;
  idx: number;
  down: Delim | null;
  up: Delim | null;
};

function plain(nodes: Inline[], soft = "\n") {
  let out = "";
  const stack: Inline[] = [...nodes].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (n.t === "text" || n.t === "code") out += n.s;
    else if (n.t === "br" || n.t === "soft") out += n.t === "br" ? "\n" : soft;
    else if (n.t === "img") out += n.alt;
    else for (let k = n.kids.length - 1; k >= 0; k--) stack.push(n.kids[k]!);
  }
  return out;
}

/** CommonMark's inline algorithm: a list of cells plus a delimiter stack and a bracket stack. */
function parseInline(src: string): Inline[] {
  const head: Cell = { v: { t: "text", s: "" }, next: null };
  let tail = head;
  let pending = "";
  let top: Delim | null = null;
  let seq = 0;
  const brackets: { cell: Cell; image: boolean; seq: number; bottom: Delim | null }[] = [];
  let lastLink = -1;
  let ticks: Map<number, number[]> | null = null;
  const ticksSeen = new Map<number, number>();
  const add = (v: Inline, cell: Cell = { v, next: null }) => {
    if (pending) tail = tail.next = { v: { t: "text", s: pending }, next: null };
    pending = "";
    tail = tail.next = cell;
    return cell;
  };
  const between = (from: Cell, to: Cell | null) => {
    const kids: Inline[] = [];
    for (let c = from.next; c && c !== to; c = c.next) kids.push(c.v);
    return kids;
  };
  const unlink = (d: Delim) => {
    if (d.down) d.down.up = d.up;
    if (d.up) d.up.down = d.down;
    else top = d.down;
  };
  const fits = (o: Delim, c: Delim) =>
    c.ch === "~" ||
    !((o.open && o.close) || (c.open && c.close)) ||
    (o.orig + c.orig) % 3 !== 0 ||
    (o.orig % 3 === 0 && c.orig % 3 === 0);

  // `floor` remembers where a failed search for an opener stopped, which keeps this linear.
  const emphasis = (bottom: Delim | null) => {
    const floor: number[] = [];
    let first: Delim | null = null;
    for (let d = top; d && d !== bottom; d = d.down) first = d;
    for (let c = first; c; ) {
      if (!c.close) {
        c = c.up;
        continue;
      }
      const key = "*_~".indexOf(c.ch) * 6 + (c.open ? 3 : 0) + (c.orig % 3);
      const limit = Math.max(floor[key] ?? -1, bottom?.idx ?? -1);
      let o = c.down;
      while (o && o.idx > limit && !(o.ch === c.ch && o.open && fits(o, c))) o = o.down;
      if (o && o.idx > limit) {
        const use = c.ch === "~" || (o.len > 1 && c.len > 1) ? 2 : 1;
        const t = c.ch === "~" ? "del" : use === 2 ? "strong" : "em";
        o.next = { v: { t, kids: between(o, c) }, next: c };
        o.len -= use;
        c.len -= use;
        o.v.s = o.v.s.slice(0, o.len);
        c.v.s = c.v.s.slice(0, c.len);
        o.up = c;
        c.down = o;
        if (!o.len) unlink(o);
        if (!c.len) unlink(c);
        if (!c.len) c = c.up;
      } else {
        floor[key] = c.down?.idx ?? -1;
        if (!c.open) unlink(c);
        c = c.up;
      }
    }
    if (bottom) bottom.up = null;
    top = bottom;
  };
  // Closing backtick runs by length, found once, so unmatched openers cannot make this quadratic.
  const closingTicks = (len: number, from: number) => {
    if (!ticks) {
      ticks = new Map();
      for (const m of src.matchAll(/`+/g)) {
        const list = ticks.get(m[0].length);
        if (list) list.push(m.index);
        else ticks.set(m[0].length, [m.index]);
      }
    }
    const list = ticks.get(len) ?? [];
    let k = ticksSeen.get(len) ?? 0;
    while (k < list.length && list[k]! < from) k++;
    ticksSeen.set(len, k);
    return list[k] ?? -1;
  };

  for (let pos = 0; pos < src.length; ) {
    // Runs of text go in one step; a special character right here needs no search.
    SPECIAL.lastIndex = pos;
    const at = SPECIAL_AT[src.charCodeAt(pos)] ? pos : (SPECIAL.exec(src)?.index ?? src.length);
    pending += src.slice(pos, at);
    pos = at;
    const ch = src[pos];
    if (ch === undefined) break;
    if (ch === "\\") {
      const next = src[pos + 1] ?? "";
      if (next === "\n") add({ t: "br" });
      else pending += ASCII_PUNCT.test(next) ? next : "\\";
      pos += next === "\n" || ASCII_PUNCT.test(next) ? 2 : 1;
    } else if (ch === "\n") {
      const kept = trimEnd(pending).length;
      const hard = pending.length - kept >= 2;
      pending = pending.slice(0, kept);
      add({ t: hard ? "br" : "soft" });
      pos++;
    } else if (ch === "`") {
      let e = pos;
      while (src[e] === "`") e++;
      const q = closingTicks(e - pos, e);
      if (q < 0) pending += src.slice(pos, e);
      else {
        let s = src.slice(e, q).replace(/\n/g, " ");
        if (s.startsWith(" ") && s.endsWith(" ") && /[^ ]/.test(s)) s = s.slice(1, -1);
        add({ t: "code", s });
      }
      pos = q < 0 ? e : q + e - pos;
    } else if (ch === "*" || ch === "_" || ch === "~") {
      let e = pos;
      while (src[e] === ch) e++;
      const k0 = kindOf(src[pos - 1]);
      const k1 = kindOf(src[e]);
      const p0 = k0 === 2;
      const p1 = k1 === 2;
      const left = k1 !== 1 && (!p1 || k0 > 0);
      const right = k0 !== 1 && (!p0 || k1 > 0);
      let len = e - pos;
      if (ch === "~" && len % 2) pending += "~";
      if (ch === "~") len -= len % 2;
      if (len) {
        const open = left && (ch !== "_" || !right || p0);
        const close = right && (ch !== "_" || !left || p1);
        const v = { t: "text" as const, s: src.slice(e - len, e) };
        const d: Delim = { v, next: null, ch, len, orig: len, open, close, idx: seq++, down: top, up: null };
        add(v, d);
        if (top) top.up = d;
        top = d;
      }
      pos = e;
    } else if (ch === "[" || (ch === "!" && src[pos + 1] === "[")) {
      const cell = add({ t: "text", s: ch === "[" ? "[" : "![" });
      brackets.push({ cell, image: ch === "!", seq: seq++, bottom: top });
      pos += ch === "[" ? 1 : 2;
    } else if (ch === "]") {
      const b = brackets.pop();
      const tailAt = b && (b.image || b.seq > lastLink) ? linkTail(src, pos + 1) : null;
      if (!b || !tailAt) {
        pending += "]";
        pos++;
        continue;
      }
      add({ t: "text", s: "" });
      emphasis(b.bottom);
      const kids = between(b.cell, null);
      const [dest, title, end] = tailAt;
      const url = safeUrl(dest, b.image);
      if (b.image)
        b.cell.v = url ? { t: "img", src: url.href, title, alt: plain(kids) } : { t: "text", s: plain(kids) };
      else {
        // Links do not nest: bare URLs inside the text stay text, and outer brackets stop being links.
        for (const stack = [...kids]; stack.length; ) {
          const n = stack.pop()!;
          if (n.t === "a") n.href = null;
          if ("kids" in n) for (const kid of n.kids) stack.push(kid);
        }
        b.cell.v = { t: "a", href: url?.href ?? null, external: !!url?.external, title, kids };
        lastLink = b.seq;
      }
      b.cell.next = null;
      tail = b.cell;
      pos = end;
    } else if (ch === "<" && /[\w.!#$%&'*+/=?^`{|}~-]/.test(src[pos + 1] ?? "")) {
      AUTOLINK.lastIndex = EMAIL.lastIndex = pos;
      const m = AUTOLINK.exec(src);
      const mail = m ? null : EMAIL.exec(src);
      const url = m ? safeUrl(m[1]!, false) : mail ? safeUrl(`mailto:${mail[1]}`, false) : null;
      const text = (m ?? mail)?.[1];
      if (url && text) add({ t: "a", ...url, title: "", kids: [{ t: "text", s: text }] });
      else pending += "<";
      pos = url && text ? pos + text.length + 2 : pos + 1;
    } else {
      const e =
        ch === "h" || ch === "H" ? (/[A-Za-z0-9.+-]/.test(src[pos - 1] ?? " ") ? -1 : bareUrl(src, pos)) : -1;
      const url = e > pos ? safeUrl(src.slice(pos, e), false) : null;
      if (url) add({ t: "a", ...url, title: "", kids: [{ t: "text", s: src.slice(pos, e) }] });
      else pending += ch;
      pos = url ? e : pos + 1;
    }
  }
  add({ t: "text", s: "" });
  emphasis(null);
  return between(head, null);
}

function inlineHtml(source: string) {
  if (!source || !/[\\`*_~[\]!<\nhH]/.test(source)) return esc(source);
  let out = "";
  const stack: (Inline | string)[] = parseInline(source).reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (typeof n === "string") out += n;
    else if (n.t === "text") out += esc(n.s);
    else if (n.t === "code") out += `<code>${esc(n.s)}</code>`;
    else if (n.t === "br" || n.t === "soft") out += n.t === "br" ? "<br>\n" : "\n";
    else if (n.t === "img") {
      out += `<img src="${esc(n.src)}" alt="${esc(n.alt)}"${n.title ? ` title="${esc(n.title)}"` : ""}>`;
    } else {
      if (n.t !== "a") out += `<${n.t}>`;
      else if (n.href !== null) {
        const rel = n.external ? ' rel="nofollow noopener noreferrer"' : "";
        out += `<a href="${esc(n.href)}"${n.title ? ` title="${esc(n.title)}"` : ""}${rel}>`;
      }
      stack.push(n.t !== "a" ? `</${n.t}>` : n.href !== null ? "</a>" : "");
      for (let k = n.kids.length - 1; k >= 0; k--) stack.push(n.kids[k]!);
    }
  }
  return out;
}

function blocksHtml(blocks: Block[], tight = false): string {
  let out = "";
  let afterText = false;
  for (const b of blocks) {
    // Tight list items hold their paragraphs' text bare, the way markdown-it prints them.
    if (afterText) out += "\n";
    afterText = tight && b.t === "p";
    if (afterText) out += inlineHtml((b as { text: string }).text);
    else if (b.t === "hr") out += "<hr>\n";
    else if (b.t === "pre") out += `<pre><code>${esc(b.text)}</code></pre>\n`;
    else if (b.t === "quote") out += `<blockquote>\n${blocksHtml(b.kids)}</blockquote>\n`;
    else if (b.t === "list") {
      const tag = b.start === null ? "ul" : "ol";
      const start = b.start === null || b.start === 1 ? "" : ` start="${b.start}"`;
      const items = b.items.map((item) => `<li>${blocksHtml(item, !b.loose)}</li>\n`).join("");
      out += `<${tag}${start}>\n${items}</${tag}>\n`;
    } else if (b.t === "table") {
      const styles = b.align.map((a) => (a ? ` style="text-align:${a}"` : ""));
      const row = (cells: string[], tag: "th" | "td") => {
        let tr = "<tr>\n";
        for (const [k, style] of styles.entries())
          tr += `<${tag}${style}>${inlineHtml(cells[k]?.trim() ?? "")}</${tag}>\n`;
        return `${tr}</tr>\n`;
      };
      const body = b.rows.length ? `<tbody>\n${b.rows.map((r) => row(r, "td")).join("")}</tbody>\n` : "";
      out += `<table>\n<thead>\n${row(b.head, "th")}</thead>\n${body}</table>\n`;
    } else out += `<${b.t}>${inlineHtml(b.text)}</${b.t}>\n`;
  }
  return out;
}

function blocksText(blocks: Block[]): string[] {
  return blocks.flatMap((b): string[] => {
    if (b.t === "hr") return [];
    if (b.t === "pre") return [b.text.trimEnd()];
    if (b.t === "quote") return blocksText(b.kids);
    if (b.t === "list") return b.items.flatMap(blocksText);
    if (b.t === "table") {
      return [b.head, ...b.rows].map((r) => r.map((c) => plain(parseInline(c.trim()), " ")).join(" "));
    }
    return [plain(parseInline(b.text), " ")];
  });
}

function parse(source: string) {
  const lines = source
    .replace(/\r\n?/g, "\n")
    .replace(/\0/g, "\uFFFD")
    .split("\n")
    .map((l) => (l.includes("\t") ? l.replace(/^[ \t]+/, (ws) => ws.replace(/ {0,3}\t/g, "    ")) : l));
  return parseBlocks(lines, 0).blocks;
}

/** Article HTML: only the elements and attributes listed in the test, whatever the source holds. */
export const renderMarkdown = (source: string): string => blocksHtml(parse(source));

/** The article's words without markup or addresses (link and alt text stay), for search and summaries. */
export const markdownText = (source: string): string =>
  blocksText(parse(source))
    .filter((l) => l.trim())
    .join("\n");
