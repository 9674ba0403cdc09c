import MarkdownIt from "markdown-it";
import { type DefaultTreeAdapterMap, parseFragment, serialize } from "parse5";
import { describe, expect, it } from "vitest";
import { pathologicalMarkdown } from "../../../../tests/fixtures/markdown";
import { markdownText, renderMarkdown } from "./markdown";

type ParentNode = DefaultTreeAdapterMap["parentNode"];
type ChildNode = DefaultTreeAdapterMap["childNode"];
type Element = DefaultTreeAdapterMap["element"];

const reference = new MarkdownIt({ html: false, linkify: true }).enable("strikethrough");

/**
 * Both renderers' HTML as parse5 reads it, with what may legitimately differ taken out: layout
 * whitespace, our `rel`, markdown-it's `<s>` for our `<del>`, its `language-*` class on fenced
 * code (the info string is ignored here) and the spelling of the alignment style.
 */
function normalise(html: string) {
  const fragment = parseFragment(html);
  const visit = (node: ParentNode) => {
    node.childNodes = node.childNodes.filter(
      (child) => !(child.nodeName === "#text" && !("value" in child && child.value.trim())),
    );
    for (const child of node.childNodes) {
      if (!("tagName" in child)) continue;
      if (child.tagName === "s") Object.assign(child, { tagName: "del", nodeName: "del" });
      child.attrs = child.attrs
        .filter((a) => a.name !== "rel" && !(a.name === "class" && child.tagName === "code"))
        .map((a) => (a.name === "style" ? { ...a, value: a.value.replace(/\s+/g, "").toLowerCase() } : a))
        .sort((a, b) => a.name.localeCompare(b.name));
      visit(child);
    }
  };
  visit(fragment);
  return serialize(fragment);
}

/** Articles as NGO staff write them; headings `#` and `##` are left out because we shift them. */
const corpus = [
  "### Отчёт о работе за квартал\n\nКластер НКО *Калужской* области провёл **семинар** для 40 организаций.",
  "#### Подраздел отчёта\n\nТекст под заголовком четвёртого уровня.",
  "### Заголовок с закрывающими решётками ###\n\nАбзац.",
  "Первая строка абзаца\nвторая строка\nтретья строка.\n\nВторой абзац.",
  "- яблоки\n- груши\n- сливы",
  "* один\n* два\n\n* три — свободный список",
  "+ плюс\n+ ещё один плюс",
  "1. Подать заявку\n2. Получить ответ\n3. Заключить договор",
  "5) пятый пункт\n6) шестой пункт",
  "10. десятый\n11. одиннадцатый",
  "- Фрукты\n  - яблоки\n  - груши\n- Овощи\n    - морковь\n    - свёкла",
  "1. Шаг первый\n   - подробность\n   - ещё подробность\n2. Шаг второй",
  "1. Первый пункт\n\n   Второй абзац первого пункта.\n2. Второй пункт",
  "- пункт с кодом\n\n  ```\n  npm run build\n  ```",
  "> Цитата из устава организации\n> продолжается здесь.\n>\n> Второй абзац цитаты.",
  "> Ленивое продолжение\nцитаты без знака.",
  "> - пункт в цитате\n> - второй пункт\n\nПосле цитаты.",
  '```\nconst tag = <div class="x">;\nif (a < b && c > d) {}\n```',
  "~~~python\nprint('Привет, мир')\n~~~\n\nТекст после кода.",
  "Текст\n\n***\n\nЕщё текст\n\n___\n\n- - -\n\n---",
  "| Слева | По центру | Справа |\n|:------|:---------:|-------:|\n| а | б | в |\n| г | д | е |",
  "Имя | Город\n--- | ---\nАнна | Калуга\nБорис | Обнинск\n\nПосле таблицы.",
  "| Код | Описание |\n|---|---|\n| `a \\| b` | **жирный** и *курсив* |\n| [ссылка](/docs) | короткая строка |",
  "[Сайт кластера](https://ngo40.ru \"Кластер НКО\") и [раздел](/events 'События') и [якорь](#docs)",
  '![Логотип кластера](https://ngo40.ru/logo.png "Логотип") и ![схема](/img/scheme.png)',
  "*курсив*, _тоже курсив_, **жирный**, __тоже жирный__, ***оба сразу***",
  "Переменная snake_case_name, файл my_file_name.txt и a*b*c.",
  "~~удалено~~ и ~~ещё одно~~ удаление",
  "Пишите: <https://ngo40.ru/contacts> или <mailto:info@ngo40.ru>.",
  "Подробнее на https://ngo40.ru/news/1. Или (https://ngo40.ru/about)! И https://ngo40.ru/page_name?id=2, далее.",
  "\\*не курсив\\*, \\_нет\\_, \\# не заголовок, \\[не ссылка\\](x), \\`не код\\`",
  "Строка с двумя пробелами  \nследующая\\\nещё одна",
  "Используйте `npm test` и ``код с ` внутри`` и `` `обратные` ``.",
  "**жирный с *курсивом* внутри** и *курсив с **жирным** внутри*",
  "[**важная** ссылка](https://ngo40.ru/important) и [`код`](/code)",
  "[![бейдж](/badge.svg)](https://ngo40.ru)",
  "Текст <b>не жирный</b> & <i>не курсив</i> и <script>alert(1)</script>",
  "<div>\nблочный html\n</div>",
  "[Написать нам](mailto:info@ngo40.ru)",
  "«*цитата*» и *слово*, (**скобки**) — тире.",
  "Ссылка [с [квадратными] скобками](/a) и [пустая]() и [](/empty)",
  "- [x] не задача, а текст\n- пункт с https://ngo40.ru/x внутри",
  "1. Список\n2. Пункты\n\n- Другой список",
  "Абзац\n- список сразу после абзаца\n- второй",
  "> ### Заголовок в цитате\n> Текст `код` в цитате.",
  "Картинка ![alt *с* акцентом](/a.png) в тексте.",
  'Ссылка на [страницу с пробелами](</path with spaces> "Заголовок").',
  "_курсив_, а не_курсив_внутри_слова, и *звёздочки*внутри",
  "Сначала **важное**, потом [ссылка](/a) и *ещё*, и [вторая](/b **не жирная**",
  "Ссылка [снаружи [внутри](/in) снаружи](/out) и ![картинка [вложенная](/x)](/i.png)",
  "[ссылка со скобками](/wiki/Кластер_(НКО)) и https://ru.wikipedia.org/wiki/Калуга_(город) в тексте",
];

describe("renderMarkdown agrees with markdown-it", () => {
  it.each(corpus)("%s", (source) => {
    expect(normalise(renderMarkdown(source))).toBe(normalise(reference.render(source)));
  });

  it("shifts headings below the page's own <h1>: # and ## become <h2>, ##### and ###### <h4>", () => {
    expect(renderMarkdown("# Заголовок статьи")).toBe("<h2>Заголовок статьи</h2>\n");
    expect(renderMarkdown("## Раздел")).toBe("<h2>Раздел</h2>\n");
    expect(renderMarkdown("### Подраздел")).toBe("<h3>Подраздел</h3>\n");
    expect(renderMarkdown("##### Пятый\n\n###### Шестой")).toBe("<h4>Пятый</h4>\n<h4>Шестой</h4>\n");
    const shifted = reference.render("# A\n\n## B").replace(/<(\/?)h1>/g, "<$1h2>");
    expect(normalise(renderMarkdown("# A\n\n## B"))).toBe(normalise(shifted));
  });

  it("takes a paragraph followed by --- as a paragraph and a rule (no setext headings)", () => {
    expect(renderMarkdown("Текст\n---")).toBe("<p>Текст</p>\n<hr>\n");
  });

  it("adds rel to external links only", () => {
    expect(renderMarkdown("[a](https://ngo40.ru) [b](/x)")).toBe(
      '<p><a href="https://ngo40.ru" rel="nofollow noopener noreferrer">a</a> <a href="/x">b</a></p>\n',
    );
  });
});

const ELEMENTS = new Set(
  "h2 h3 h4 p ul ol li blockquote pre code hr table thead tbody tr th td strong em del a img br".split(" "),
);
const ATTRIBUTES = new Set(["href", "title", "src", "alt", "start", "style", "rel"]);

function urlIsSafe(value: string) {
  const url = value.trim().toLowerCase();
  if (url.startsWith("//")) return false;
  return /^(?:https?:|mailto:|\/|#)/.test(url) || !url.split("/")[0]!.includes(":");
}

/** Every node of the output as a browser would build it, against the allowed lists. */
function assertSafe(html: string) {
  const stack: ChildNode[] = [...parseFragment(html).childNodes];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeName === "#text") continue;
    expect(node.nodeName, html).not.toMatch(/^#/);
    const element = node as Element;
    expect(ELEMENTS.has(element.tagName), `<${element.tagName}> in ${html}`).toBe(true);
    for (const { name, value } of element.attrs) {
      expect(ATTRIBUTES.has(name), `${name} in ${html}`).toBe(true);
      expect(name.startsWith("on")).toBe(false);
      if (name === "href" || name === "src") expect(urlIsSafe(value), `${name}="${value}"`).toBe(true);
      if (name === "src") expect(value).toMatch(/^(?:https?:|\/[^/\\])/i);
      if (name === "style") expect(value).toMatch(/^text-align:(?:left|center|right)$/);
      if (name === "rel") expect(value).toBe("nofollow noopener noreferrer");
      if (name === "start") expect(value).toMatch(/^\d+$/);
    }
    stack.push(...element.childNodes);
  }
}

const textOf = (html: string) => {
  let text = "";
  const stack: ChildNode[] = [...parseFragment(html).childNodes].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if ("value" in node && node.nodeName === "#text") text += node.value;
    if ("childNodes" in node) stack.push(...[...node.childNodes].reverse());
  }
  return text;
};

const hostile = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '<a href="javascript:alert(1)">x</a>',
  '<a href="https://ngo40.ru" onclick="alert(1)">x</a>',
  "[x](javascript:alert(1))",
  "[x](JaVaScRiPt:alert(1))",
  "[x](java\tscript:alert(1))",
  "[x](<java\tscript:alert(1)>)",
  "[x](java\\tscript:alert(1))",
  "[x](  javascript:alert(1)  )",
  "[x](<javascript:alert(1)>)",
  "[x](&#106;avascript:alert(1))",
  "[x](&#x6A;avascript:alert(1))",
  "[x](javascript&colon;alert(1))",
  "[x](jav&#x09;ascript:alert(1))",
  "[x](%6A%61vascript:alert(1))",
  "[x](%256A%2561vascript:alert(1))",
  "[x](vbscript:msgbox(1))",
  "[x](data:text/html;base64,PHNjcmlwdD4=)",
  "[x](//evil.example/a)",
  "[x](/\\evil.example/a)",
  "![x](javascript:alert(1))",
  "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
  "![x](data:image/svg+xml,%3Csvg%20onload=alert(1)%3E)",
  "![x](//evil.example/x.png)",
  "![x](x.png)",
  '<iframe src="https://evil.example"></iframe>',
  "<svg onload=alert(1)>",
  "<svg/onload=alert(1)>",
  '[x](https://a.ru" onclick="alert(1))',
  '![x](https://a.ru/x.png" onerror="alert(1))',
  '[x](https://a.ru "t\\" onmouseover=\\"alert(1)")',
  "[x](https://a.ru 'a\" onmouseover=\"alert(1)')",
  "![x](https://a.ru/x.png \"a' onerror='alert(1)\")",
  "<style>body{display:none}</style>",
  "<!-- comment --> text <!-- -->",
  '<form action="https://evil.example"><input name=x><button>go</button></form>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  "*<b onmouseover=alert(1)>x</b>*",
  '**_<b onmouseover="alert(1)">x</b>_**',
  "| a | b |\n|---|---|\n| <script>alert(1)</script> | <img src=x onerror=alert(1)> |",
  "`</code><script>alert(1)</script>`",
  "```\n</code></pre><script>alert(1)</script>\n```",
  '<https://a.ru/"onmouseover="alert(1)>',
  "<javascript:alert(1)>",
  "https://a.ru/<script>alert(1)</script>",
  "[<img src=x onerror=alert(1)>](https://a.ru)",
  "![<img src=x onerror=alert(1)>](https://a.ru/x.png)",
  "> <script>alert(1)</script>\n> - <img src=x onerror=alert(1)>",
  "~~<svg/onload=alert(1)>~~",
  "[x](mailto:a@b.ru?body=<script>)",
  "<details open ontoggle=alert(1)>",
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  "\u0000<script>alert(1)</script>",
  '<base href="https://evil.example"><meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
  "<textarea><script>alert(1)</script></textarea>",
  '1. <a href="javascript:alert(1)">x</a>\n\n   <img src=x onerror=alert(1)>',
];

describe("renderMarkdown is safe", () => {
  it.each(hostile)("%s", (source) => assertSafe(renderMarkdown(source)));

  it("shows raw HTML as its text", () => {
    expect(textOf(renderMarkdown("<script>alert(1)</script>")).trim()).toBe("<script>alert(1)</script>");
    expect(renderMarkdown("<script>alert(1)</script>")).toBe(
      "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n",
    );
  });

  it("renders a disallowed link as its text and a disallowed image as its alt text", () => {
    expect(renderMarkdown("[нажми *тут*](javascript:alert(1))")).toBe("<p>нажми <em>тут</em></p>\n");
    expect(renderMarkdown("![схема](data:image/png;base64,AAAA)")).toBe("<p>схема</p>\n");
  });

  it("stays safe on random mixtures of hostile fragments", () => {
    const parts = [
      "<",
      ">",
      '"',
      "'",
      "[",
      "]",
      "(",
      ")",
      "!",
      "*",
      "_",
      "`",
      "~~",
      "\\",
      "|",
      "\n",
      "- ",
      "> ",
      " ",
      "x",
    ];
    parts.push(
      "javascript:",
      "https://",
      "onerror=",
      "&#106;",
      "%6A",
      "<script>",
      "</a>",
      "](",
      "```\n",
      "|---|\n",
    );
    let seed = 42;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let n = 0; n < 400; n++) {
      const length = Math.floor(next() * 60);
      const source = Array.from({ length }, () => parts[Math.floor(next() * parts.length)]).join("");
      assertSafe(renderMarkdown(source));
    }
  });
});

describe("markdownText", () => {
  it("keeps the words and drops markup, link addresses and image sources", () => {
    const source = [
      "### Итоги *года*",
      'Мы провели **12** встреч, см. [отчёт](https://ngo40.ru/report.pdf "PDF") и <https://ngo40.ru>.',
      "- первый пункт\n- второй `пункт`",
      "> цитата",
      "| Город | НКО |\n|---|--:|\n| Калуга | 40 |",
      "![фото встречи](/img/meeting.jpg)",
      "<b>жирный?</b>",
    ].join("\n\n");
    expect(markdownText(source)).toBe(
      [
        "Итоги года",
        "Мы провели 12 встреч, см. отчёт и https://ngo40.ru.",
        "первый пункт",
        "второй пункт",
        "цитата",
        "Город НКО",
        "Калуга 40",
        "фото встречи",
        "<b>жирный?</b>",
      ].join("\n"),
    );
  });
});

describe("renderMarkdown on pathological input", () => {
  // Exponential backtracking or a quadratic rescan would take seconds here, not the tens of
  // milliseconds `npm run bench:markdown` measures: the timeout turns such a hang into a failure.
  it.each(pathologicalMarkdown)(
    "%s",
    (_, source) => {
      const html = renderMarkdown(source);
      expect(html.length).toBeGreaterThan(0);
      expect(html).not.toMatch(/<script|\son\w+=/i);
    },
    5_000,
  );
});
