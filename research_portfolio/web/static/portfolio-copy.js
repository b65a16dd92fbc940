// A "Copy" button on every copyable block (a paper's BibTeX, its plain-text reference).
// Without JavaScript the blocks are plain <details> elements and nothing is lost. The words are in the
// site's language, in the script element's data-words (research_portfolio/lists.py).
const copyWords = {
  copy: "Copy", label: "Copy {label}", copied: "Copied", failed: "Select the text and copy it",
  ...JSON.parse(document.currentScript?.dataset.words || "{}"),
};
document.querySelectorAll("details.pub-copy").forEach((block) => {
  const text = block.querySelector("pre");
  if (!text || !navigator.clipboard) return;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "pub-copy-button";
  button.textContent = copyWords.copy;
  button.setAttribute("aria-label", copyWords.label.replace("{label}", block.querySelector("summary").textContent));
  const status = document.createElement("span");
  status.className = "pub-copy-status";
  status.setAttribute("role", "status");
  button.addEventListener("click", () => {
    navigator.clipboard.writeText(text.innerText).then(  // innerText: the lines with their line breaks
      () => { status.textContent = copyWords.copied; },
      () => { status.textContent = copyWords.failed; },
    );
  });
  block.querySelector("summary").after(button, status);
});
