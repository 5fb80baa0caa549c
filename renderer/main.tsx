// First: zod must be jitless before any schema is built (no eval under the CSP).
import './zodJitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { RoomView } from './components/presenter/RoomView';
import { isRoomHash } from './routes';
import { startTheme } from './theme';
import './styles.css';
import './presenter.css';

// The stored theme on <html> before anything renders: the first paint has its colours, no flash.
startTheme();

// A room view window (#/room) shows only the room view: no navigation, no page keys.
createRoot(document.getElementById('root')!).render(
  <StrictMode>{isRoomHash(window.location.hash) ? <RoomView /> : <App />}</StrictMode>,
);
