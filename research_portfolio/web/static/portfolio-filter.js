// The full list of publications, narrowed in the browser: by theme, by kind of venue, and to the
// papers the owner wrote first (or as an equal first author). The engine writes what each entry
// is on its first paragraph (data-themes, data-kind, data-first); without this script, or before it
// runs, every paper is shown. Nothing is fetched: the list is already on the page.
(() => {
  const entries = [...document.querySelectorAll("li.pub-entry")].filter((item) =>
    item.querySelector("p[data-kind]"));
  if (entries.length < 2) return;
  const facts = new Map(entries.map((item) => {
    const data = item.querySelector("p[data-kind]").dataset;
    return [item, { themes: JSON.parse(data.themes || "[]"), kind: data.kind, first: data.first === "true" }];
  }));
  const count = (test) => entries.filter((item) => test(facts.get(item))).length;
  const papers = (number) => `${number} ${number === 1 ? "paper" : "papers"}`;

  const form = document.createElement("form");
  form.className = "pub-filters";
  form.setAttribute("aria-label", "Narrow the list of publications");
  const choice = (label, values, all, name) => {
    const wrapper = document.createElement("label");
    wrapper.append(`${label} `);
    const select = document.createElement("select");
    select.name = name;
    select.add(new Option(`${all} (${entries.length})`, ""));
    values.forEach(([value, number]) => select.add(new Option(`${value} (${number})`, value)));
    wrapper.append(select);
    return wrapper;
  };
  const themes = [...new Set(entries.flatMap((item) => facts.get(item).themes))];
  const kinds = [...new Set(entries.map((item) => facts.get(item).kind))];
  form.append(
    choice("Theme", themes.map((theme) => [theme, count((fact) => fact.themes.includes(theme))]), "All themes", "theme"),
    choice("Kind", kinds.map((kind) => [kind, count((fact) => fact.kind === kind)]), "All kinds", "kind"),
  );
  const firsts = count((fact) => fact.first);
  if (firsts) {
    const wrapper = document.createElement("label");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.name = "first";
    wrapper.append(box, ` First or equal-first author (${firsts})`);
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
    status.textContent = shown === entries.length ? `All ${papers(shown)} shown.` : `${papers(shown)} of ${entries.length} shown.`;
  };
  form.addEventListener("change", apply);
  form.addEventListener("submit", (event) => event.preventDefault());
  const first = document.querySelector("section[id^='year-']");
  first.parentNode.insertBefore(form, first);
  apply();
})();
