// `npm run bench:size`, part of `npm test`: fails when a widget size budget is exceeded, so
// the weight can never creep up unnoticed.
import { widgetWeight } from "./widget-weight.ts";

const weights = await widgetWeight();
console.table(weights.map((weight) => ({ ...weight, within: weight.within ? "yes" : "NO" })));
if (weights.some((weight) => !weight.within)) {
  console.error("A widget size budget is exceeded (see the table above).");
  process.exit(1);
}
