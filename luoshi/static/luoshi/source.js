/* A target page: scroll the plan text so that the target's source sentence is in view. */
(function () {
  var box = document.getElementById("plan-text"), mark = document.getElementById("source-sentence");
  if (box && mark) box.scrollTop = mark.offsetTop - box.clientHeight / 2;
})();
