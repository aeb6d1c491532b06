/** The widget's version, sent with tickets so agents know which build a user had. */
import { version } from '../../../package.json';

export const WIDGET_VERSION: string = version;
