// Browsable page for the OpenAPI document; a separate file because the CSP forbids inline scripts.
window.ui = SwaggerUIBundle({ url: "/openapi/v1.json", dom_id: "#swagger-ui" });
