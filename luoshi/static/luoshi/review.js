/* 审核目标: selecting text in the plan fills the add form's clause span; a highlight shows its row.
   Offsets are counted in code points, as the server (Python) counts them. */
(function () {
  "use strict";

  function offsetIn(container, node, at) {
    var range = document.createRange();
    range.selectNodeContents(container);
    range.setEnd(node, at);
    return Array.from(range.toString()).length;
  }

  function fillFromSelection() {
    var container = document.getElementById("plan-text");
    var form = document.getElementById("add-form");
    var selection = window.getSelection();
    if (!container || !form || !selection || selection.rangeCount === 0 || selection.isCollapsed) return;
    var range = selection.getRangeAt(0);
    if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return;
    form.elements["add-span_start"].value = offsetIn(container, range.startContainer, range.startOffset);
    form.elements["add-span_end"].value = offsetIn(container, range.endContainer, range.endOffset);
    document.getElementById("add-selection").textContent = range.toString();
  }

  function showRow(event) {
    var mark = event.target.closest && event.target.closest("#plan-text mark[data-proposals]");
    var selection = window.getSelection();
    if (!mark || (selection && !selection.isCollapsed)) return;
    var row = document.getElementById(mark.dataset.proposals.split(" ")[0]);
    if (!row) return;
    row.scrollIntoView({block: "center"});
    row.classList.add("flash");
    window.setTimeout(function () { row.classList.remove("flash"); }, 1500);
  }

  document.addEventListener("mouseup", fillFromSelection);
  document.addEventListener("keyup", fillFromSelection);
  document.addEventListener("click", showRow);
})();
