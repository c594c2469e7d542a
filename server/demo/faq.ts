// The demo company's FAQ: Linden & Co., a home-goods web shop with three stores.
export interface DemoFaqEntry {
  title: string;
  questions: string[];
  answer: string;
}

export const DEMO_FAQ: DemoFaqEntry[] = [
  {
    title: "Opening hours",
    questions: [
      "What are your opening hours?",
      "When are you open?",
      "What time do your stores close?",
      "Are you open on Sundays?",
    ],
    answer:
      "Our stores are open Monday to Friday 9:00–19:00, Saturday 10:00–17:00 and closed on Sundays. Chat and email support follow the same hours.",
  },
  {
    title: "Delivery times",
    questions: [
      "How long does delivery take?",
      "When will my order arrive?",
      "How many days is shipping?",
      "How fast do you deliver?",
    ],
    answer:
      "Standard delivery takes 2–4 working days, express delivery 1 working day when you order before 14:00.",
  },
  {
    title: "Shipping costs",
    questions: [
      "How much is shipping?",
      "What does delivery cost?",
      "Is shipping free?",
      "Do you have free delivery?",
    ],
    answer:
      "Standard shipping costs €4.90 and is free on orders over €50. Express shipping costs €9.90.",
  },
  {
    title: "International shipping",
    questions: [
      "Do you ship abroad?",
      "Do you deliver to other countries?",
      "Can I order from outside the EU?",
    ],
    answer:
      "We ship to every EU country, Norway, Switzerland and the UK. Delivery abroad takes 4–8 working days.",
  },
  {
    title: "Return policy",
    questions: [
      "What is your return policy?",
      "How many days do I have to return an item?",
      "Can I return something I bought?",
      "What is your refund policy?",
    ],
    answer:
      "You can return any unused item within 30 days of delivery. Once the return arrives we refund the full price to your original payment method within 5 working days.",
  },
  {
    title: "How to return an item",
    questions: [
      "How do I send an item back?",
      "How do I return a product?",
      "Where do I get a return label?",
    ],
    answer:
      "Open your order under Account → Orders, choose “Return an item” and print the free return label. Drop the parcel at any post office.",
  },
  {
    title: "Payment methods",
    questions: [
      "Which payment methods do you accept?",
      "Can I pay with PayPal?",
      "Do you take credit cards?",
      "Which cards are accepted?",
    ],
    answer:
      "We accept Visa, Mastercard, American Express, PayPal, Apple Pay, Google Pay and bank transfer.",
  },
  {
    title: "Password reset",
    questions: [
      "How do I reset my password?",
      "I forgot my password",
      "How can I change my password?",
    ],
    answer:
      "Click “Sign in”, then “Forgot password?”, and enter your email address. We send you a link to choose a new password; it is valid for one hour.",
  },
  {
    title: "Order tracking",
    questions: [
      "Where is my order?",
      "How can I track my order?",
      "Where do I find the tracking number?",
    ],
    answer:
      "As soon as your parcel leaves our warehouse we email you a tracking link. You also find it under Account → Orders.",
  },
  {
    title: "Store locations",
    questions: [
      "Where are your stores?",
      "Do you have a shop near me?",
      "What is the address of your store?",
    ],
    answer:
      "Visit us at Linden Street 12 in Riga, Storgatan 5 in Stockholm and ul. Lipowa 8 in Kraków.",
  },
  {
    title: "Gift cards",
    questions: [
      "Do you sell gift cards?",
      "How do I use a gift card?",
      "How long is a gift card valid?",
    ],
    answer:
      "Gift cards from €10 to €500 are sold online and in our stores. Enter the code at checkout; a gift card is valid for three years.",
  },
  {
    title: "Contact details",
    questions: [
      "How can I contact you?",
      "What is your phone number?",
      "What is your email address?",
    ],
    answer:
      "Write to hello@linden.example or call +371 6000 0000, Monday to Friday 9:00–17:00. You can also chat with us right here.",
  },
  {
    title: "Cancel an order",
    questions: [
      "How do I cancel my order?",
      "Can I cancel an order I just placed?",
      "Is it too late to cancel my order?",
    ],
    answer:
      "You can cancel an order under Account → Orders until it has been shipped. After that, return it for free within 30 days.",
  },
  {
    title: "Change delivery address",
    questions: [
      "How do I change my delivery address?",
      "Can I change the shipping address of my order?",
      "I entered the wrong address",
    ],
    answer:
      "Until your order ships you can change the address under Account → Orders → Edit delivery. After shipping, use the tracking link to redirect the parcel.",
  },
  {
    title: "Create an account",
    questions: [
      "How do I create an account?",
      "How do I sign up?",
      "Do I need an account to order?",
    ],
    answer:
      "Click “Sign in” and then “Create account”. You can also check out as a guest without an account.",
  },
  {
    title: "Invoices",
    questions: [
      "Where can I find my invoice?",
      "Can I get an invoice for my order?",
      "How do I download a receipt?",
    ],
    answer:
      "Every invoice is in your order confirmation email and can be downloaded as a PDF under Account → Orders.",
  },
  {
    title: "Product availability",
    questions: [
      "Is this item in stock?",
      "When will a product be back in stock?",
      "Can I get notified when an item is available?",
    ],
    answer:
      "Each product page shows its stock. For sold-out items, click “Notify me” and we email you as soon as it is back.",
  },
  {
    title: "Warranty",
    questions: [
      "What warranty do your products have?",
      "How long is the guarantee?",
      "Is there a warranty on furniture?",
    ],
    answer:
      "All products carry a two-year warranty; furniture and lighting carry five years. Keep your invoice as proof of purchase.",
  },
  {
    title: "Newsletter",
    questions: [
      "How do I subscribe to the newsletter?",
      "How do I unsubscribe from your emails?",
      "Can I stop the newsletter?",
    ],
    answer:
      "Subscribe at the bottom of any page. Every newsletter has an “Unsubscribe” link, and you can change it under Account → Preferences.",
  },
  {
    title: "Discount codes",
    questions: [
      "Do you have a discount code?",
      "How do I use a promo code?",
      "Where do I enter a coupon?",
    ],
    answer:
      "Enter a discount code in the basket before checkout. Newsletter subscribers get 10% off their first order.",
  },
  {
    title: "Click and collect",
    questions: [
      "Can I pick up my order in store?",
      "Do you offer click and collect?",
      "How does store pickup work?",
    ],
    answer:
      "Choose “Collect in store” at checkout. Your order is ready in two hours during opening hours and we keep it for seven days.",
  },
];
