/**
 * Where each kind of device shows its own LAN address, and how to keep that address: the two
 * things a newcomer needs before a forward can point at a console or a PC. Menu names are the
 * devices' own; the sentences are ours.
 */
import type { Platform } from '../../../data/vocabulary';

export interface IpSteps {
  /** Who the steps are for, as people call it. */
  device: string;
  steps: string[];
}

const WINDOWS: IpSteps = {
  device: 'Windows PC',
  steps: ['Settings › Network & internet › Wi‑Fi or Ethernet › the network’s Properties: read “IPv4 address”.', 'Or open a terminal, type ipconfig and read “IPv4 Address”.'],
};
const LINUX: IpSteps = { device: 'Linux machine', steps: ['In a terminal, run ip -4 addr (or hostname -I) and read the address of the network card, e.g. 192.168.1.20.'] };
const XBOX: IpSteps = { device: 'Xbox', steps: ['Settings › General › Network settings › Advanced settings: read “IP address”.'] };
const SWITCH: IpSteps = { device: 'Nintendo Switch', steps: ['System Settings › Internet: the address is shown under “Connection Status” as “IP Address”.'] };

export const FIND_IP_STEPS: Record<Platform, IpSteps> = {
  pc: WINDOWS,
  mac: { device: 'Mac', steps: ['System Settings › Network › Wi‑Fi or Ethernet › Details: read “IP address”.'] },
  linux: LINUX,
  ps5: { device: 'PS5', steps: ['Settings › Network › Connection Status › View Connection Status: read “IPv4 Address”.'] },
  ps4: { device: 'PS4', steps: ['Settings › Network › View Connection Status: read “IP Address”.'] },
  'xbox-series': XBOX,
  'xbox-one': XBOX,
  switch: SWITCH,
  'switch-2': { ...SWITCH, device: 'Nintendo Switch 2' },
  'steam-deck': { device: 'Steam Deck', steps: ['Settings › Internet › select the connected network: read “IP Address”.', 'In Desktop Mode, the network icon › Connection Information shows it too.'] },
  android: { device: 'Android phone or tablet', steps: ['Settings › Network & internet (or Connections) › Wi‑Fi › the gear next to your network: read “IP address” (sometimes under Advanced).'] },
  ios: { device: 'iPhone or iPad', steps: ['Settings › Wi‑Fi › the ⓘ next to your network: read “IP Address”.'] },
  server: { device: 'server', steps: [...LINUX.steps, 'On a Windows server, run ipconfig and read “IPv4 Address”.'] },
};

/** True for every platform: the router's own list is the other place to look. */
export const ROUTER_LIST_HINT = 'The router lists it too, under a name like “Attached devices”, “DHCP clients” or “Device list”.';

/** Why and how to keep the address the forward points at. */
export const RESERVATION_STEPS = [
  'A forward points at an address. Without a reservation the router may give the device another address tomorrow, and the forward stops working.',
  'On the router, look for “Address reservation”, “DHCP reservation” or “Static lease” (often under LAN or DHCP settings), pick this device and keep its current address.',
];
