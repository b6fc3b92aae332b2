/// <reference types="vite/client" />

/** A message file compiled to a Lingui catalog at build time (web/build/message-catalogs.ts): ids → compiled messages. */
declare module '*?lingui' {
  const catalog: Record<string, unknown>;
  export default catalog;
}
declare module '*?lingui=access' {
  const catalog: Record<string, unknown>;
  export default catalog;
}
declare module '*?lingui=imports' {
  const catalog: Record<string, unknown>;
  export default catalog;
}
declare module '*?lingui=integrations' {
  const catalog: Record<string, unknown>;
  export default catalog;
}
declare module '*?lingui=reports' {
  const catalog: Record<string, unknown>;
  export default catalog;
}
declare module '*?lingui=automation' {
  const catalog: Record<string, unknown>;
  export default catalog;
}
declare module '*?lingui=offline' {
  const catalog: Record<string, unknown>;
  export default catalog;
}
declare module '*?lingui=smartButtonAdmin' {
  const catalog: Record<string, unknown>;
  export default catalog;
}
declare module '*?lingui=followupTemplates' {
  const catalog: Record<string, unknown>;
  export default catalog;
}
