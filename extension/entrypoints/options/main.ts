import "../../lib/zod-jitless";
import { startOptions } from "../../lib/options/app";

void startOptions();
