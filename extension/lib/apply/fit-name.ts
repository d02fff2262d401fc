/**
 * A rule name longer than the router's name box takes ("Test Game 27015" in Linksys' 12
 * characters): shortened the way PortPilot names rules, words first and the port kept, instead
 * of being cut by the router or refused.
 */
import { ruleName } from './plan';

export function fitName(name: string, max: number): string {
  if (max <= 0 || name.length <= max) return name;
  const words = name.split(/\s+/);
  const last = words[words.length - 1] ?? '';
  // The port (with its protocol letter or number) ends every name PortPilot makes.
  const suffix = /^\d/.test(last) ? last : '';
  const stem = suffix ? words.slice(0, -1).join(' ') : name;
  return ruleName(stem, suffix, max);
}

/** The longest name a box takes (its maxlength), or 0 when it says nothing. */
export function nameLimit(box: HTMLInputElement | HTMLTextAreaElement | undefined): number {
  return box && box.maxLength > 0 ? box.maxLength : 0;
}
