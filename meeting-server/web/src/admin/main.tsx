// Entry of the secretariat's app (/admin): mounts the app; its own router picks the page.
import { render } from 'preact';
import { StaffApp } from './App';
import '../styles.css';
import './admin.css';

render(<StaffApp />, document.getElementById('app')!);
