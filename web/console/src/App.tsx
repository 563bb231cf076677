import { useEffect, useState } from "react";
import { ActivitiesPage } from "./pages/ActivitiesPage";
import { ExecutionPage } from "./pages/ExecutionPage";
import { MapRunPage } from "./pages/MapRunPage";
import { StateMachineList } from "./pages/StateMachineList";
import { StateMachinePage } from "./pages/StateMachinePage";

/** Routes live in the URL's hash (`#/execution/<arn>`), so the server serves one page and links can be shared. */
function useHash(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const onChange = () => setHash(location.hash);
    addEventListener("hashchange", onChange);
    return () => removeEventListener("hashchange", onChange);
  }, []);
  return hash;
}

export function App() {
  const hash = useHash();
  const [, page = "", arn = ""] = /^#\/([^/]*)\/?(.*)$/.exec(hash) ?? [];
  const decoded = decodeURIComponent(arn);
  return (
    <>
      <header className="top">
        <a className="brand" href="#/">Stepwise</a>
        <nav>
          <a href="#/" className={page === "" || page === "state-machine" ? "active" : ""}>State machines</a>
          <a href="#/activities" className={page === "activities" ? "active" : ""}>Activities</a>
        </nav>
      </header>
      <main>
        {page === "state-machine" && decoded ? (
          <StateMachinePage key={decoded} arn={decoded} />
        ) : page === "execution" && decoded ? (
          <ExecutionPage key={decoded} arn={decoded} />
        ) : page === "map-run" && decoded ? (
          <MapRunPage key={decoded} arn={decoded} />
        ) : page === "activities" ? (
          <ActivitiesPage />
        ) : (
          <StateMachineList />
        )}
      </main>
    </>
  );
}
