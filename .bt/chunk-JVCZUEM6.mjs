import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// src/core/yaml-text.ts
function yamlString(value) {
  const plain = /^[\p{L}\p{N}][\p{L}\p{N} .,()/@'’+_-]*$/u.test(value) && !/^(true|false|yes|no|on|off|null|~)$/i.test(value) && !/^[\d.+-]+$/.test(value) && !/^[-+]?(0x[0-9a-f]+|0o[0-7]+|[\d.]+(e[-+]?\d+)?)$/i.test(value) && !/:\s|\s#|\s$/.test(value);
  return plain ? value : JSON.stringify(value);
}
function yamlFlowString(value) {
  const quoted = yamlString(value);
  return quoted === value && /[,[\]{}]/.test(value) ? JSON.stringify(value) : quoted;
}

export {
  yamlString,
  yamlFlowString
};
