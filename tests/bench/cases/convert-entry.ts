/** The converter as the bench loads it into a plain page: the extension's own modules, no extension APIs. */
export { parseDictionary } from '../../../utils/convert/dict';
export { BUILT_IN_PHRASES, phrasesFor, withPhrases } from '../../../utils/convert/phrases';
