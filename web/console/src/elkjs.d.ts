declare module "elkjs/lib/elk.bundled.js" {
  import ELK from "elkjs/lib/elk-api";
  export default ELK;
}
