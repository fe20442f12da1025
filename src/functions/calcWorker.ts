/**
 * Second module of the functions bundle (webpack entry, never imported by Jest, which cannot
 * load spawnWorker's import.meta): long CHIPS calculations go to the bundled worker wherever
 * the runtime has Web Workers (Excel's shared runtime does); elsewhere they run in place.
 */
import { spawnWorker } from "../taskpane/uncertainty/spawnWorker";
import { CalcWorker, calcClient } from "./calcClient";
import { useCalcClient } from "./longCalcs";

if (typeof Worker !== "undefined") useCalcClient(calcClient(() => spawnWorker() as unknown as CalcWorker));
