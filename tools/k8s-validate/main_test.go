package main

import (
	"os"
	"strings"
	"testing"
)

func TestRefusesWhatTheAPIServerWould(t *testing.T) {
	input, err := os.ReadFile("testdata/invalid.yaml")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, doc := range ValidateStream(input) {
		got[doc.Ref] = strings.Join(doc.Errors, "; ")
	}
	want := map[string]string{
		"ConfigMap/good-config":           "",
		"Deployment/typo":                 `unknown field "spec.template.spec.containers[0].readinessProbes"`,
		"Service/wrong-type":              "cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32",
		"HorizontalPodAutoscaler/old-api": `unknown kind "HorizontalPodAutoscaler" of apiVersion "autoscaling/v2beta2"`,
		"ServiceMonitor/no-spec":          "spec: Required value: must be an object",
		"Deployment/Bad_Name":             "does not match the pod template's labels",
	}
	if len(got) != len(want) {
		t.Fatalf("validated %d objects, want %d: %v", len(got), len(want), got)
	}
	for ref, fragment := range want {
		errs, seen := got[ref]
		switch {
		case !seen:
			t.Errorf("%s: not validated", ref)
		case fragment == "" && errs != "":
			t.Errorf("%s: unexpected errors: %s", ref, errs)
		case !strings.Contains(errs, fragment):
			t.Errorf("%s: errors %q lack %q", ref, errs, fragment)
		}
	}
	if !strings.Contains(got["Deployment/Bad_Name"], "metadata.name: Invalid value") {
		t.Errorf("Deployment/Bad_Name: the name's format was not checked: %s", got["Deployment/Bad_Name"])
	}
}
