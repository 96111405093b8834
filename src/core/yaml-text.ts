/**
 * Writing YAML text by hand keeps our comments where we put them. Values go
 * through this function so that a name like «Nordmann: leder» or «#1» cannot
 * change the structure of the file.
 */
export function yamlString(value: string): string {
  const plain =
    /^[\p{L}\p{N}][\p{L}\p{N} .,()/@'’+_-]*$/u.test(value) &&
    !/^(true|false|yes|no|on|off|null|~)$/i.test(value) &&
    !/^[\d.+-]+$/.test(value) &&
    !/^[-+]?(0x[0-9a-f]+|0o[0-7]+|[\d.]+(e[-+]?\d+)?)$/i.test(value) &&
    !/:\s|\s#|\s$/.test(value);
  return plain ? value : JSON.stringify(value);
}

/**
 * Like `yamlString`, for values inside a flow mapping `{ name: …, email: … }`,
 * where a comma or bracket would end the value early.
 */
export function yamlFlowString(value: string): string {
  const quoted = yamlString(value);
  return quoted === value && /[,[\]{}]/.test(value) ? JSON.stringify(value) : quoted;
}
