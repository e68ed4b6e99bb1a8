/**
 * The id of the `<script type="application/json">` holding the query answers a server-rendered
 * first view was drawn with: written by entry-server.tsx, read by main.tsx.
 */
export const FIRST_VIEW_STATE_ID = "first-view-state";
