import { render } from "solid-js/web";
import { App } from "./app";
import "./styles.css";

const root = document.getElementById("root");
if (!root) throw new Error("#root is missing in index.html");
root.textContent = "";
render(() => <App />, root);
