// Entry of the meeting web client: reads the invitation (and `?display=hall`) from the URL and mounts the app.
import { render } from 'preact';
import { App } from './App';
import './styles.css';
import '../../../shared/ui/role-badge.css';

const match = /^\/j\/([A-Za-z0-9_.-]+)$/.exec(location.pathname);
const hall = new URLSearchParams(location.search).get('display') === 'hall';
render(<App invitation={match?.[1] ?? null} hall={hall} />, document.getElementById('app')!);
