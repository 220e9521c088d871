/* 从规划原文交办: select a measure in the plan text, get its character span, open the new-task form with it.
   Offsets are counted in Unicode code points, as Python counts them in the stored plan text. */
(function () {
  "use strict";
  var box = document.getElementById("measure-text");
  var bar = document.getElementById("measure-bar");
  if (!box || !bar) { return; }
  var quote = bar.querySelector("[data-quote]");
  var link = bar.querySelector("a[data-new-task]");

  function points(text) { return Array.from(text).length; }

  function offsetOf(node, offset) {
    var range = document.createRange();
    range.setStart(box, 0);
    range.setEnd(node, offset);
    return points(range.toString());
  }

  function chosen() {
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) { return null; }
    var range = selection.getRangeAt(0);
    if (!box.contains(range.startContainer) || !box.contains(range.endContainer)) { return null; }
    var start = offsetOf(range.startContainer, range.startOffset);
    var end = offsetOf(range.endContainer, range.endOffset);
    var text = range.toString();
    var lead = points(text) - points(text.replace(/^\s+/, ""));
    var trail = points(text) - points(text.replace(/\s+$/, ""));
    start += lead; end -= trail;
    return end > start ? { start: start, end: end, text: text.trim() } : null;
  }

  function update() {
    var span = chosen();
    bar.hidden = span === null;
    if (span === null) { return; }
    quote.textContent = "“" + span.text + "”(" + span.start + "–" + span.end + ")";
    link.href = link.dataset.newTask + "&start=" + span.start + "&end=" + span.end;
    link.dataset.start = span.start;
    link.dataset.end = span.end;
  }

  document.addEventListener("selectionchange", update);
  box.addEventListener("mouseup", update);
  box.addEventListener("keyup", update);
})();
