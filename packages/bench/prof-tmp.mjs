import { Heap, BaselineStrategy } from "@immortal/heap";
import { buildMix } from "./dist/micro/mix.js";
import { heapPairs, rawPairs } from "./dist/micro/loops.js";
const heap = new Heap({ strategy: new BaselineStrategy() });
const mix = buildMix(heap);
const seq = mix.sequence;
const mode = process.argv[2];
const counts = new Uint32Array(heap.mem.u32);
function strat(s, seq){ for (let k=0;k<seq.length;k++){ const o=seq[k]; s.incref(o); s.decref(o);} }
for (let r=0;r<5;r++){
  const t=performance.now();
  for (let i=0;i<200;i++){
    if (mode==='raw') rawPairs(counts, seq); else if (mode==='heap') heapPairs(heap, seq); else strat(heap.rc, seq);
  }
  const dt=performance.now()-t;
  console.log(mode, (200*seq.length/dt/1000).toFixed(1), 'M pairs/s');
}
