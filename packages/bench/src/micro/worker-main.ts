/** Entry point of a microbenchmark child process: `node worker-main.js SUBJECT TIME_MS WARMUP_MS`. */
import { measureSubject } from "./worker.js";

const [subject, time, warmup] = process.argv.slice(2);
const sample = await measureSubject(subject, Number(time), Number(warmup));
process.stdout.write(JSON.stringify(sample) + "\n");
