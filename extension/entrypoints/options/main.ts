import { startOptions } from "../../lib/options/app";

void startOptions();
