// A "Copy" button on every copyable block (a paper's BibTeX, its plain-text reference).
// Without JavaScript the blocks are plain <details> elements and nothing is lost.
document.querySelectorAll("details.pub-copy").forEach((block) => {
  const text = block.querySelector("pre");
  if (!text || !navigator.clipboard) return;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "pub-copy-button";
  button.textContent = "Copy";
  button.setAttribute("aria-label", "Copy " + block.querySelector("summary").textContent);
  const status = document.createElement("span");
  status.className = "pub-copy-status";
  status.setAttribute("role", "status");
  button.addEventListener("click", () => {
    navigator.clipboard.writeText(text.innerText).then(  // innerText: the lines with their line breaks
      () => { status.textContent = "Copied"; },
      () => { status.textContent = "Select the text and copy it"; },
    );
  });
  block.querySelector("summary").after(button, status);
});
