// Validates Kubernetes objects against the API schemas, offline (kubernetes-models' generated validators).
// Input (stdin): a JSON array of objects, e.g. `kubectl kustomize` output converted by the tests.
// Output (stdout): one line per object, "ok|skip|invalid <kind>/<name>[: why]". Exit 0 unless the input is unreadable.
// Operator CRDs with no model here (CloudNativePG Cluster, RabbitmqCluster) are reported as "skip".
import { readFileSync } from "node:fs";

const modules = {
  "kubernetes-models": (group, version, kind) => `kubernetes-models/${group ? group + "/" : ""}${version}/${kind}`,
  "@kubernetes-models/keda": (group, version, kind) => `@kubernetes-models/keda/${group}/${version}/${kind}`,
};

function modulePath(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  if (group === "keda.sh") return modules["@kubernetes-models/keda"](group, version, kind);
  if (group === "" || group.endsWith(".k8s.io") || !group.includes(".")) return modules["kubernetes-models"](group, version, kind);
  return null;
}

const objects = JSON.parse(readFileSync(0, "utf8"));
for (const object of objects) {
  const id = `${object.kind}/${object.metadata?.name}`;
  const path = modulePath(object.apiVersion ?? "", object.kind ?? "");
  if (!path) { console.log(`skip ${id}: no schema for ${object.apiVersion}`); continue; }
  let Model;
  try {
    Model = (await import(path))[object.kind];
  } catch {
    console.log(`invalid ${id}: unknown apiVersion/kind ${object.apiVersion} ${object.kind}`);
    continue;
  }
  try {
    new Model(object).validate();
    console.log(`ok ${id}`);
  } catch (error) {
    console.log(`invalid ${id}: ${String(error.message ?? error).replace(/\s+/g, " ")}`);
  }
}
