// The full list of publications, narrowed in the browser: by theme, by kind of venue, and to the
// papers the owner wrote first (or as an equal first author). The engine writes what each entry
// is on its first paragraph (data-themes, data-kind, data-first); without this script, or before it
// runs, every paper is shown. Nothing is fetched: the list is already on the page. Every word is the
// site's, in its language, in the script element's data-words (research_portfolio/sphinx_ext/lists.py):
// this file holds none, and without them it leaves the list as it is.
(() => {
  const words = JSON.parse(document.currentScript?.dataset.words || "null");
  const entries = [...document.querySelectorAll("li.pub-entry")].filter((item) =>
    item.querySelector("p[data-kind]"));
  if (!words || entries.length < 2) return;
  const facts = new Map(entries.map((item) => {
    const data = item.querySelector("p[data-kind]").dataset;
    return [item, { themes: JSON.parse(data.themes || "[]"), kind: data.kind, first: data.first === "true" }];
  }));
  const count = (test) => entries.filter((item) => test(facts.get(item))).length;
  // A word with {placeholders}, filled in; a count of papers in the plural form its number takes in
  // the site's language: words.paperForm gives the form of 0 to 199, and a larger number takes the
  // form of 100 plus its last two digits, as in every language's plural rule.
  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? values[name] : whole));
  const papers = (number) =>
    fill(words.papers[Number(words.paperForm[number < 200 ? number : 100 + (number % 100)])], { count: number });

  const form = document.createElement("form");
  form.className = "pub-filters";
  form.setAttribute("aria-label", words.form);
  const option = (label, number, value) => new Option(fill(words.option, { label, count: number }), value);
  const choice = (label, values, all, name) => {
    const wrapper = document.createElement("label");
    wrapper.append(`${label} `);
    const select = document.createElement("select");
    select.name = name;
    select.add(option(all, entries.length, ""));
    values.forEach(([value, number]) => select.add(option(value, number, value)));
    wrapper.append(select);
    return wrapper;
  };
  const themes = [...new Set(entries.flatMap((item) => facts.get(item).themes))];
  const kinds = [...new Set(entries.map((item) => facts.get(item).kind))];
  form.append(
    choice(words.theme, themes.map((theme) => [theme, count((fact) => fact.themes.includes(theme))]), words.allThemes, "theme"),
    choice(words.kind, kinds.map((kind) => [kind, count((fact) => fact.kind === kind)]), words.allKinds, "kind"),
  );
  const firsts = count((fact) => fact.first);
  if (firsts) {
    const wrapper = document.createElement("label");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.name = "first";
    wrapper.append(box, ` ${fill(words.first, { count: firsts })}`);
    form.append(wrapper);
  }
  const status = document.createElement("p");
  status.className = "pub-filter-status";
  status.setAttribute("role", "status");
  form.append(status);

  const apply = () => {
    const theme = form.elements.theme.value;
    const kind = form.elements.kind.value;
    const first = form.elements.first ? form.elements.first.checked : false;
    let shown = 0;
    entries.forEach((item) => {
      const fact = facts.get(item);
      const visible = (!theme || fact.themes.includes(theme)) && (!kind || fact.kind === kind) && (!first || fact.first);
      item.hidden = !visible;
      shown += visible;
    });
    // A year with no paper left is hidden with its heading.
    document.querySelectorAll("section[id^='year-']").forEach((section) => {
      section.hidden = !section.querySelector("li.pub-entry:not([hidden])");
    });
    status.textContent = shown === entries.length
      ? fill(words.allShown, { papers: papers(shown) })
      : fill(words.someShown, { papers: papers(shown), total: entries.length });
  };
  form.addEventListener("change", apply);
  form.addEventListener("submit", (event) => event.preventDefault());
  const first = document.querySelector("section[id^='year-']");
  first.parentNode.insertBefore(form, first);
  apply();
})();
