// Behaviour of Gatehouse pages, kept out of the HTML so that the Content-Security-Policy can forbid inline scripts.
// Every page works without it (forms post and the server answers); with it, rows can be added and removed, and a
// form cannot be sent twice by a double click.
(function () {
  "use strict";

  // A list of rows (lines, documents): <div data-rows="lines"> holding <fieldset data-row> entries, a <template> for a
  // new row, and buttons data-add-row / data-remove-row. Field names carry the row's index (lines[2].quantity) and
  // are renumbered after every change, so the server binds them in order.
  function renumber(list) {
    var name = list.getAttribute("data-rows");
    var pattern = new RegExp(name + "\\[\\d+\\]", "g");
    var idPattern = new RegExp(name + "-\\d+(-|$)", "g");
    list.querySelectorAll("[data-row]").forEach(function (row, index) {
      row.querySelectorAll("[name],[id],[for],[aria-describedby]").forEach(function (element) {
        ["name", "id", "for", "aria-describedby"].forEach(function (attribute) {
          var value = element.getAttribute(attribute);
          if (value) {
            element.setAttribute(attribute, value.replace(pattern, name + "[" + index + "]")
              .replace(idPattern, name + "-" + index + "$1"));
          }
        });
      });
      var number = row.querySelector("[data-row-number]");
      if (number) {
        number.textContent = String(index + 1);
      }
    });
    var max = parseInt(list.getAttribute("data-rows-max") || "0", 10);
    var add = document.querySelector("[data-add-row='" + name + "']");
    if (add && max > 0) {
      add.disabled = list.querySelectorAll("[data-row]").length >= max;
    }
  }

  function changed(element) {
    var form = element.closest("form");
    if (form) {
      form.dispatchEvent(new Event("change", { bubbles: true }));
    }
  }

  document.addEventListener("click", function (event) {
    var add = event.target.closest("[data-add-row]");
    if (add) {
      var name = add.getAttribute("data-add-row");
      var list = document.querySelector("[data-rows='" + name + "']");
      var template = document.getElementById(name + "-template");
      var row = template.content.firstElementChild.cloneNode(true);
      list.appendChild(row);
      renumber(list);
      var first = row.querySelector("input, select, textarea");
      if (first) {
        first.focus();
      }
      changed(list);
      return;
    }
    var remove = event.target.closest("[data-remove-row]");
    if (remove) {
      var row = remove.closest("[data-row]");
      var rows = row.closest("[data-rows]");
      var neighbour = row.nextElementSibling || row.previousElementSibling;
      row.remove();
      renumber(rows);
      var focus = neighbour && neighbour.matches("[data-row]") ? neighbour.querySelector("input") : null;
      (focus || document.querySelector("[data-add-row='" + rows.getAttribute("data-rows") + "']")).focus();
      changed(rows);
    }
  });

  // A button marked data-once is disabled once its form is sent: a double click submits once. The server does not
  // rely on it (a stale version or a reused key is refused there).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    window.setTimeout(function () {
      form.querySelectorAll("button[data-once]").forEach(function (button) {
        button.disabled = true;
        button.setAttribute("aria-disabled", "true");
      });
    }, 0);
  });

  // A file input marked data-max-bytes says at once when the chosen file is larger than the server accepts, instead
  // of after the upload (the server refuses it anyway, with the same words).
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!input.matches || !input.matches("input[type=file][data-max-bytes]")) {
      return;
    }
    var max = parseInt(input.getAttribute("data-max-bytes"), 10);
    var id = input.id + "-size-error";
    var message = document.getElementById(id);
    var file = input.files && input.files[0];
    if (file && file.size > max) {
      if (!message) {
        message = document.createElement("span");
        message.id = id;
        message.className = "usa-error-message";
        message.setAttribute("role", "alert");
        input.parentNode.insertBefore(message, input);
        input.setAttribute("aria-describedby", (input.getAttribute("aria-describedby") || "") + " " + id);
      }
      message.textContent = "This file is larger than " + Math.floor(max / 1048576) + " MiB: split it, or compare it with gatehouse compare.";
      input.setAttribute("aria-invalid", "true");
    } else if (message) {
      message.remove();
      input.removeAttribute("aria-invalid");
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-rows]").forEach(renumber);
  });
})();
