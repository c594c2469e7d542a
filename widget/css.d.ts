/** CSS files are imported as minified text (widget/build.ts) for constructable stylesheets. */
declare module "*.css" {
  const text: string;
  export default text;
}
