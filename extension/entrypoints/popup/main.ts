document.getElementById('app')!.textContent = 'PortPilot';
