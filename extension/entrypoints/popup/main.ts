import { startPopup } from "../../lib/popup/app";

void startPopup();
