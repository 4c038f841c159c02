/** The registry's circles and councils, each with its size, linking to its page (read from the chain). */
import { Address, Loaded, Section } from "../components/basics.js";
import { useCircles } from "../hooks/queries.js";
import { href } from "../routes.js";

/** "1 council", "2 circles". */
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

export function CirclesPage() {
  const circles = useCircles();
  return (
    <>
      <h1>Circles and councils</h1>
      <Loaded query={circles} what="the registry">
        {({ circles: all, total }) => {
          const groups = [
            { id: "circles", title: "Circles", rows: all.filter((c) => !c.council), unit: "members" },
            { id: "councils", title: "Councils", rows: all.filter((c) => c.council), unit: "member circles" },
          ];
          return (
            <>
              <p>
                {total.toString()} in the registry: {count(groups[0]!.rows.length, "circle")},{" "}
                {count(groups[1]!.rows.length, "council")}.
              </p>
              {groups.map((group) => (
                <Section key={group.id} id={group.id} title={group.title}>
                  {group.rows.length === 0 ? (
                    <p>None yet.</p>
                  ) : (
                    <ul className="bodies">
                      {group.rows.map((c) => (
                        <li key={c.address}>
                          <a
                            href={
                              c.council
                                ? href({ page: "council", council: c.address })
                                : href({ page: "circle", circle: c.address })
                            }
                          >
                            {c.name}
                          </a>
                          <span className="count">
                            {c.memberCount.toString()} {group.unit}
                          </span>
                          <Address value={c.address} />
                        </li>
                      ))}
                    </ul>
                  )}
                </Section>
              ))}
            </>
          );
        }}
      </Loaded>
    </>
  );
}
