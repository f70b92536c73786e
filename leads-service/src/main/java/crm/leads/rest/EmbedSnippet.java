package crm.leads.rest;

/**
 * The HTML a franchise website pastes to show a form: an empty form element and a small script that loads
 * the definition (fields, consent wording, the signed renderedAt), builds the inputs plus the hidden
 * honeypot, and posts the values as JSON. Plain browser JavaScript, no library.
 */
final class EmbedSnippet {

    private static final String TEMPLATE = """
            <form id="crm-form-%1$s" class="crm-lead-form"></form>
            <script>
            (function () {
              var url = "%2$s", form = document.getElementById("crm-form-%1$s"), definition;
              function add(tag, attrs, parent) { var e = document.createElement(tag);
                for (var k in attrs) { e.setAttribute(k, attrs[k]); } (parent || form).appendChild(e); return e; }
              fetch(url).then(function (r) { return r.json(); }).then(function (d) {
                definition = d;
                add("h3", {}).textContent = d.title;
                d.fields.forEach(function (f) {
                  var label = add("label", {}); label.textContent = f.label + (f.required ? " *" : "");
                  var input = f.options.length
                    ? add("select", {name: f.name}, label) : add(f.name === "message" ? "textarea" : "input",
                      {name: f.name, type: f.name === "email" ? "email" : "text"}, label);
                  f.options.forEach(function (o) { add("option", {value: o}, input).textContent = o; });
                  if (f.required) { input.required = true; }
                });
                var trap = add("input", {name: d.honeypotField, tabindex: "-1", autocomplete: "off",
                  "aria-hidden": "true", style: "position:absolute;left:-9999px"});
                if (d.consent.text) { var c = add("label", {}); add("input", {type: "checkbox", name: "consent"}, c);
                  c.appendChild(document.createTextNode(" " + d.consent.text)); }
                add("button", {type: "submit"}).textContent = "Send";
              });
              form.addEventListener("submit", function (event) {
                event.preventDefault();
                var values = {};
                Array.prototype.forEach.call(form.elements, function (e) {
                  if (e.name && e.name !== "consent") { values[e.name] = e.value; } });
                var consent = form.elements.consent ? form.elements.consent.checked : false;
                fetch(url, {method: "POST", headers: {"Content-Type": "application/json"},
                  body: JSON.stringify({renderedAt: definition.renderedAt, values: values, consent: consent})})
                  .then(function (r) { form.textContent = r.status === 202 ? "Thank you!" : "Please check your input."; });
              });
            })();
            </script>""";

    private EmbedSnippet() {
    }

    static String of(String formKey, String url) {
        return String.format(TEMPLATE, formKey, url);
    }
}
