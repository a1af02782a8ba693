// Drag and drop onto the upload form. The form works without this script: it only lets
// files dropped anywhere on the drop zone become the file input's selection.
(function () {
  "use strict";
  var input = document.getElementById("files");
  if (!input) { return; }
  var zone = input.closest(".drop");
  var shown = zone.querySelector(".chosen");
  var template = input.getAttribute("data-chosen");

  function show() {
    var count = input.files ? input.files.length : 0;
    shown.textContent = count ? template.replace("{count}", count) : "";
  }

  ["dragenter", "dragover"].forEach(function (name) {
    zone.addEventListener(name, function (event) {
      event.preventDefault();
      zone.classList.add("over");
    });
  });
  ["dragleave", "drop"].forEach(function (name) {
    zone.addEventListener(name, function () { zone.classList.remove("over"); });
  });
  zone.addEventListener("drop", function (event) {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files.length) {
      input.files = event.dataTransfer.files;
      show();
    }
  });
  input.addEventListener("change", show);
}());
