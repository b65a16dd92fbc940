// The full list of publications, narrowed in the browser: by theme, by kind of venue, and to the
// papers the owner wrote first (or as an equal first author). The engine writes what each entry
// is on its first paragraph (data-themes, data-kind, data-first); without this script, or before it
// runs, every paper is shown. Nothing is fetched: the list is already on the page. Every word is the
// site's, in its language, in the script element's data-words (research_portfolio/sphinx_ext/lists.py):
// this file holds none, and without them it leaves the list as it is. The choices are kept in the
// address (#theme=physics-of-ai&kind=journal&first=1), so a narrowed list can be shared. Each choice
// counts the papers it would show with the other choices as they are, so none leads to an empty list unawares.
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
  const matches = (fact, theme, kind, first) =>
    (!theme || fact.themes.includes(theme)) && (!kind || fact.kind === kind) && (!first || fact.first);
  // A word with {placeholders}, filled in; a count's words in the plural form its number takes in
  // the site's language: forms[index[n]] for n from 0 to 199, and a larger number takes the form of
  // 100 plus its last two digits, as in every language's plural rule.
  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? values[name] : whole));
  const plural = (forms, index, number, values) =>
    fill(forms[Number(index[number < 200 ? number : 100 + (number % 100)])], values);
  const papers = (number) => plural(words.papers, words.paperForm, number, { count: number });

  const form = document.createElement("form");
  form.className = "pub-filters";
  form.setAttribute("aria-label", words.form);
  const option = (label, number, value) => {
    const made = new Option(fill(words.option, { label, count: number }), value);
    made.dataset.label = label;
    return made;
  };
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
  // The choices in the site's order (its themes', its kind headings'); any other after them, as found.
  const ordered = (found, known) => {
    const order = known.map(([, title]) => title);
    const rank = (value) => (order.includes(value) ? order.indexOf(value) : order.length);
    return [...found].sort((one, other) => rank(one) - rank(other));
  };
  const themes = ordered(new Set(entries.flatMap((item) => facts.get(item).themes)), words.themes || []);
  const kinds = ordered(new Set(entries.map((item) => facts.get(item).kind)), words.kinds || []);
  form.append(
    choice(words.theme, themes.map((theme) => [theme, count((fact) => fact.themes.includes(theme))]), words.allThemes, "theme"),
    choice(words.kind, kinds.map((kind) => [kind, count((fact) => fact.kind === kind)]), words.allKinds, "kind"),
  );
  const firsts = count((fact) => fact.first);
  const firstWords = document.createTextNode(` ${fill(words.first, { count: firsts })}`);
  if (firsts) {
    const wrapper = document.createElement("label");
    wrapper.className = "pub-filter-check";
    const box = document.createElement("input");
    box.type = "checkbox";
    box.name = "first";
    wrapper.append(box, firstWords);
    form.append(wrapper);
  }
  const reset = document.createElement("button");
  reset.type = "button";
  reset.textContent = words.reset;
  const status = document.createElement("p");
  status.className = "pub-filter-status";
  status.setAttribute("role", "status");
  form.append(reset, status);

  // Each year's heading as written ("2023 (13 papers)"), and the year alone, to say how many of its papers show.
  const years = [...document.querySelectorAll("section[id^='year-']")].map((section) => {
    const heading = section.querySelector(":scope > h1, :scope > h2, :scope > h3, :scope > h4, :scope > h5, :scope > h6");
    const text = heading && [...heading.childNodes].find((node) => node.nodeType === Node.TEXT_NODE);
    const listed = [...section.querySelectorAll("li.pub-entry")].filter((item) => facts.has(item));
    const written = text ? text.data : "";
    const tail = ` (${papers(listed.length)})`;
    // The page's table of contents names the year too: its entry follows the heading.
    const links = [...document.querySelectorAll(`a[href="#${CSS.escape(section.id)}"]`)].filter((link) =>
      !section.contains(link) && link.textContent.trim() === written.trim());
    return { section, text, written, listed, links, year: written.endsWith(tail) ? written.slice(0, -tail.length) : null };
  });

  // The address names a choice by its key (a theme's, a kind's), not by its words, which change with the language.
  const key = (value, known) => (known.find(([, title]) => title === value) || [value])[0];
  const title = (value, known) => (known.find(([name]) => name === value) || [, value])[1];
  const fromAddress = () => {
    const chosen = new URLSearchParams(location.hash.slice(1));
    if (!["theme", "kind", "first"].some((name) => chosen.has(name))) return false;  // an anchor (#year-2023)
    const pick = (select, value) => {
      select.value = [...select.options].some((item) => item.value === value) ? value : "";
    };
    pick(form.elements.theme, title(chosen.get("theme") || "", words.themes || []));
    pick(form.elements.kind, title(chosen.get("kind") || "", words.kinds || []));
    if (form.elements.first) form.elements.first.checked = chosen.get("first") === "1";
    return true;
  };
  const toAddress = (theme, kind, first) => {
    const chosen = new URLSearchParams();
    if (theme) chosen.set("theme", key(theme, words.themes || []));
    if (kind) chosen.set("kind", key(kind, words.kinds || []));
    if (first) chosen.set("first", "1");
    const hash = chosen.toString();
    const filtered = new URLSearchParams(location.hash.slice(1));
    if (!hash && !["theme", "kind", "first"].some((name) => filtered.has(name))) return;  // an anchor stays
    history.replaceState(history.state, "", hash ? `#${hash}` : location.pathname + location.search);
  };

  const apply = () => {
    const theme = form.elements.theme.value;
    const kind = form.elements.kind.value;
    const first = form.elements.first ? form.elements.first.checked : false;
    const narrowed = Boolean(theme || kind || first);
    let shown = 0;
    entries.forEach((item) => {
      const visible = matches(facts.get(item), theme, kind, first);
      item.hidden = !visible;
      shown += visible;
    });
    // Each choice says how many papers it would show, the other choices kept.
    const recount = (select, test) => [...select.options].forEach((choice) => {
      choice.text = fill(words.option, { label: choice.dataset.label, count: count((fact) => test(fact, choice.value)) });
    });
    recount(form.elements.theme, (fact, value) => matches(fact, value, kind, first));
    recount(form.elements.kind, (fact, value) => matches(fact, theme, value, first));
    firstWords.data = ` ${fill(words.first, { count: count((fact) => matches(fact, theme, kind, true)) })}`;
    // A year with no paper left is hidden with its heading; a narrowed year says how many of its papers show.
    years.forEach(({ section, text, written, listed, links, year }) => {
      const visible = listed.filter((item) => !item.hidden).length;
      section.hidden = !section.querySelector("li.pub-entry:not([hidden])");
      links.forEach((link) => {
        if (link.parentElement.tagName === "LI") link.parentElement.hidden = section.hidden;
      });
      if (!text || year === null) return;
      text.data = narrowed && visible && visible < listed.length
        ? `${year} (${plural(words.shownOf, words.shownOfForm, listed.length, { shown: visible, count: listed.length })})`
        : written;
      links.forEach((link) => {
        link.textContent = text.data;
      });
    });
    reset.hidden = !narrowed;
    status.textContent = shown === entries.length
      ? fill(words.allShown, { papers: papers(shown) })
      : fill(words.someShown, { papers: papers(shown), total: entries.length });
    return narrowed;
  };
  form.addEventListener("change", () => {
    apply();
    toAddress(form.elements.theme.value, form.elements.kind.value, form.elements.first?.checked);
  });
  // "Show all" clears every choice at once; the button then hides, so the focus goes to the first choice.
  reset.addEventListener("click", () => {
    form.reset();
    apply();
    toAddress("", "", false);
    form.elements.theme.focus();
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  window.addEventListener("hashchange", () => {
    if (fromAddress()) apply();
  });
  const first = document.querySelector("section[id^='year-']");
  first.parentNode.insertBefore(form, first);
  fromAddress();
  apply();
})();
