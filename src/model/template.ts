/** ERB (`<%= %>`), Jinja/Go (`{{ }}`) and shell (`${ }`) placeholders: text filled in before ZooKeeper or a script reads the file. */
const PLACEHOLDER = /<%|\{\{|\$\{/;

export const hasPlaceholder = (value: string): boolean => PLACEHOLDER.test(value);
