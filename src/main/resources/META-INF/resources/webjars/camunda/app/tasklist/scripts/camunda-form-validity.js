/*
 * Lets a Camunda Form with a dynamic list be completed in Tasklist 7.24.
 *
 * form-js 1.8.7 records a list field's validation as errors[fieldId][index] and, once the field is valid again,
 * deletes only the index: an empty entry ({"Field_projects_name": {}}) stays behind. Tasklist decides that the form
 * is invalid when the errors object has any entry, so the complete button stays disabled from the moment a list
 * field is set (on load already) although no field shows an error.
 *
 * For a task whose form is a Camunda Form the validity Tasklist is told is therefore ignored: when the user presses
 * the complete button form-js validates every field again (and shows what is wrong, nothing is submitted), and the
 * server validates every submission. Other kinds of forms keep Tasklist's behaviour.
 */
const angular = window.angular;

function showsCamundaForm() {
  return document.querySelector('.fjs-form') !== null;
}

angular.module('cam.tasklist').config([
  '$provide',
  function($provide) {
    $provide.decorator('camTasklistFormDirective', [
      '$delegate',
      function($delegate) {
        const directive = $delegate[0];
        const original = directive.controller;
        const annotated = Array.isArray(original);
        const dependencies = annotated
          ? original.slice(0, -1)
          : original.$inject || [];
        const construct = annotated ? original[original.length - 1] : original;

        function TasklistFormController(...services) {
          construct.apply(this, services);
          const notifyFormValidated = this.notifyFormValidated;
          this.notifyFormValidated = function(invalid) {
            return notifyFormValidated.call(
              this,
              Boolean(invalid) && !showsCamundaForm()
            );
          };
        }

        directive.controller = dependencies.concat([TasklistFormController]);
        return $delegate;
      }
    ]);
  }
]);
