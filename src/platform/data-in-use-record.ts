/**
 * Which data the background matches with, in storage.local: written by the background when it
 * switches data, watched by content scripts (which scan again), the popup and the options page.
 * A module of its own so that the content script carries nothing else of the updates.
 */
import { parseDataInUse, type DataInUseInfo } from '../core/update-status';
import { storedValue } from './storage';

const dataInUse = storedValue<DataInUseInfo | null>('local', 'dataInUse', parseDataInUse);
export const loadDataInUseInfo = dataInUse.load;
export const updateDataInUseInfo = dataInUse.update;
/** Content scripts rescan and the popup and options page refresh when the data in use changes. */
export const onDataInUseChanged = dataInUse.onChanged;
