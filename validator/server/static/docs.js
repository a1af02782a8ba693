// Swagger UI over this server's own OpenAPI schema, served locally (no CDN).
window.addEventListener("load", function () {
  "use strict";
  window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui" });
});
