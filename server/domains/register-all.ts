// Registers every resource spec with the registry (import order does not matter: relations resolve lazily).
import './customers/customer-spec.ts';
import './contacts/contact-spec.ts';
import './opportunities/opportunity-spec.ts';
import './followups/followup-spec.ts';
import './contracts/contract-spec.ts';
import './contracts/installment-spec.ts';
import './payments/payment-spec.ts';
import './products/product-spec.ts';
import './orders/order-spec.ts';
import './attachments/attachment-spec.ts';
import './departments/department-spec.ts';
import './users/user-spec.ts';
import './custom-fields/custom-field-spec.ts';
import './followup-templates/followup-template-spec.ts';
