// Command k8s-validate reads `helm template` output on stdin and strictly decodes every object
// into the official Kubernetes API type of its apiVersion and kind (k8s.io/api), the way the API
// server does: an unknown field, a duplicate field, a wrong type or an unknown kind fails, printed
// as `<kind>/<name>: <error>`. Object names and labels are checked with the API machinery's own
// validation helpers. Custom resources of the Prometheus Operator (ServiceMonitor, PrometheusRule)
// have no types here: their apiVersion, kind and metadata are checked and their spec must be an object.
//
// Usage: helm template ... | k8s-validate   (exit 1 on any error, 2 on unreadable input)
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	metav1validation "k8s.io/apimachinery/pkg/apis/meta/v1/validation"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/util/validation"
	"k8s.io/apimachinery/pkg/util/validation/field"
	kjson "sigs.k8s.io/json"
	"sigs.k8s.io/yaml"
)

// customResource is what is checked of a CRD-backed object whose Go types this tool does not carry.
type customResource struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata"`
	Spec              map[string]any `json:"spec"`
}

// kinds maps apiVersion/kind to a new, empty object of its type.
var kinds = map[string]func() any{
	"apps/v1/Deployment":                      func() any { return &appsv1.Deployment{} },
	"v1/Service":                              func() any { return &corev1.Service{} },
	"v1/ConfigMap":                            func() any { return &corev1.ConfigMap{} },
	"v1/Secret":                               func() any { return &corev1.Secret{} },
	"v1/ServiceAccount":                       func() any { return &corev1.ServiceAccount{} },
	"v1/Pod":                                  func() any { return &corev1.Pod{} },
	"batch/v1/Job":                            func() any { return &batchv1.Job{} },
	"policy/v1/PodDisruptionBudget":           func() any { return &policyv1.PodDisruptionBudget{} },
	"autoscaling/v2/HorizontalPodAutoscaler":  func() any { return &autoscalingv2.HorizontalPodAutoscaler{} },
	"networking.k8s.io/v1/NetworkPolicy":      func() any { return &networkingv1.NetworkPolicy{} },
	"networking.k8s.io/v1/Ingress":            func() any { return &networkingv1.Ingress{} },
	"monitoring.coreos.com/v1/ServiceMonitor": func() any { return &customResource{} },
	"monitoring.coreos.com/v1/PrometheusRule": func() any { return &customResource{} },
}

// Document is one object of the input: its `kind/name` and the errors found in it.
type Document struct {
	Ref    string
	Kind   string
	Errors []string
}

func main() {
	input, err := io.ReadAll(os.Stdin)
	if err != nil {
		fmt.Fprintf(os.Stderr, "k8s-validate: reading stdin: %v\n", err)
		os.Exit(2)
	}
	docs := ValidateStream(input)
	if len(docs) == 0 {
		fmt.Fprintln(os.Stderr, "k8s-validate: no objects on stdin")
		os.Exit(2)
	}
	failed := 0
	perKind := map[string]int{}
	for _, doc := range docs {
		perKind[doc.Kind]++
		for _, e := range doc.Errors {
			fmt.Fprintf(os.Stderr, "%s: %s\n", doc.Ref, e)
		}
		if len(doc.Errors) > 0 {
			failed++
		}
	}
	if failed > 0 {
		fmt.Fprintf(os.Stderr, "k8s-validate: %d of %d objects invalid\n", failed, len(docs))
		os.Exit(1)
	}
	fmt.Printf("k8s-validate: %d objects valid (%s)\n", len(docs), summary(perKind))
}

func summary(perKind map[string]int) string {
	parts := make([]string, 0, len(perKind))
	for kind, n := range perKind {
		parts = append(parts, fmt.Sprintf("%s %d", kind, n))
	}
	sort.Strings(parts)
	return strings.Join(parts, ", ")
}

// ValidateStream splits a multi-document YAML stream on `---` lines and validates each object;
// documents holding only comments or whitespace are skipped.
func ValidateStream(input []byte) []Document {
	var docs []Document
	for _, raw := range splitDocuments(input) {
		if len(bytes.TrimSpace(stripComments(raw))) == 0 {
			continue
		}
		docs = append(docs, validateDocument(raw))
	}
	return docs
}

func splitDocuments(input []byte) [][]byte {
	var docs [][]byte
	var current bytes.Buffer
	scanner := bufio.NewScanner(bytes.NewReader(input))
	scanner.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	for scanner.Scan() {
		line := scanner.Text()
		if strings.TrimRight(line, " \t") == "---" {
			docs = append(docs, append([]byte(nil), current.Bytes()...))
			current.Reset()
			continue
		}
		current.WriteString(line)
		current.WriteByte('\n')
	}
	return append(docs, current.Bytes())
}

func stripComments(doc []byte) []byte {
	var out bytes.Buffer
	for _, line := range strings.Split(string(doc), "\n") {
		if !strings.HasPrefix(strings.TrimSpace(line), "#") {
			out.WriteString(line)
			out.WriteByte('\n')
		}
	}
	return out.Bytes()
}

func validateDocument(raw []byte) Document {
	jsonDoc, err := yaml.YAMLToJSONStrict(raw)
	if err != nil {
		return Document{Ref: "?/?", Kind: "?", Errors: []string{"not YAML: " + err.Error()}}
	}
	var head struct {
		metav1.TypeMeta `json:",inline"`
		Metadata        struct {
			Name string `json:"name"`
		} `json:"metadata"`
	}
	if err := kjson.UnmarshalCaseSensitivePreserveInts(jsonDoc, &head); err != nil {
		return Document{Ref: "?/?", Kind: "?", Errors: []string{"not an object: " + err.Error()}}
	}
	doc := Document{Ref: refOf(head.Kind, head.Metadata.Name), Kind: head.Kind}
	newObject, known := kinds[head.APIVersion+"/"+head.Kind]
	if !known {
		doc.Errors = append(doc.Errors, fmt.Sprintf("unknown kind %q of apiVersion %q (not one this chart may render)", head.Kind, head.APIVersion))
		return doc
	}
	obj := newObject()
	strictErrs, err := kjson.UnmarshalStrict(jsonDoc, obj, kjson.DisallowDuplicateFields, kjson.DisallowUnknownFields)
	if err != nil {
		doc.Errors = append(doc.Errors, err.Error())
		return doc
	}
	for _, e := range strictErrs {
		doc.Errors = append(doc.Errors, e.Error())
	}
	for _, e := range checkObject(head.Kind, obj) {
		doc.Errors = append(doc.Errors, e.Error())
	}
	return doc
}

func refOf(kind, name string) string {
	if kind == "" {
		kind = "?"
	}
	if name == "" {
		name = "?"
	}
	return kind + "/" + name
}

// checkObject runs the checks the API server would refuse an object for that are cheap to make
// here: the name's format, labels, and a Deployment's selector matching its pod template.
func checkObject(kind string, obj any) field.ErrorList {
	var errs field.ErrorList
	if cr, ok := obj.(*customResource); ok && cr.Spec == nil {
		errs = append(errs, field.Required(field.NewPath("spec"), "must be an object"))
	}
	accessor := obj.(metav1.Object)
	name := accessor.GetName()
	namePath := field.NewPath("metadata", "name")
	if name == "" {
		errs = append(errs, field.Required(namePath, ""))
	}
	nameCheck := validation.IsDNS1123Subdomain
	if kind == "Service" {
		nameCheck = validation.IsDNS1035Label
	}
	for _, msg := range nameCheck(name) {
		errs = append(errs, field.Invalid(namePath, name, msg))
	}
	errs = append(errs, metav1validation.ValidateLabels(accessor.GetLabels(), field.NewPath("metadata", "labels"))...)
	if deployment, ok := obj.(*appsv1.Deployment); ok {
		errs = append(errs, checkSelector(deployment)...)
	}
	return errs
}

func checkSelector(d *appsv1.Deployment) field.ErrorList {
	path := field.NewPath("spec", "selector")
	if d.Spec.Selector == nil {
		return field.ErrorList{field.Required(path, "")}
	}
	selector, err := metav1.LabelSelectorAsSelector(d.Spec.Selector)
	if err != nil {
		return field.ErrorList{field.Invalid(path, d.Spec.Selector, err.Error())}
	}
	if selector.Empty() || !selector.Matches(labels.Set(d.Spec.Template.Labels)) {
		return field.ErrorList{field.Invalid(path, d.Spec.Selector, "does not match the pod template's labels")}
	}
	return nil
}
