/** Every add-on option has an English and a French name and description; the docs explain every option. */
import { addonConfig, readText, readYaml11 } from './addon-files.js';

const config = addonConfig();
const keys = Object.keys(config.schema);

type Translation = { configuration: Record<string, { name?: unknown; description?: unknown }>; network?: object };

describe.each(['en', 'fr'])('addon/translations/%s.yaml', (lang) => {
  const translation = readYaml11('addon', 'translations', `${lang}.yaml`) as Translation;

  it('names and describes exactly the options of the schema', () => {
    expect(Object.keys(translation.configuration).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      const entry = translation.configuration[key];
      expect([key, typeof entry.name, typeof entry.description]).toEqual([key, 'string', 'string']);
      expect(String(entry.name).length).toBeGreaterThan(1);
      expect(String(entry.description).length).toBeGreaterThan(10);
    }
  });

  it('describes the ingress port', () => {
    expect(translation.network).toHaveProperty(['8099/tcp']);
  });
});

describe('documentation', () => {
  it('French is a translation, not a copy of the English text', () => {
    const en = readYaml11('addon', 'translations', 'en.yaml') as Translation;
    const fr = readYaml11('addon', 'translations', 'fr.yaml') as Translation;
    const same = keys.filter((key) => en.configuration[key].description === fr.configuration[key].description);
    expect(same).toEqual([]);
  });

  it('DOCS.md explains every option', () => {
    const docs = readText('addon', 'DOCS.md');
    expect(keys.filter((key) => !docs.includes(`\`${key}\``))).toEqual([]);
  });
});
